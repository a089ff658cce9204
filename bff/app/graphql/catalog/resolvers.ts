import { BffError, ErrorCode } from '../../lib/errors.js';
import type { Product } from '../../service/catalog.js';
import type { GraphqlContext } from '../context.js';

const MAX_FIRST = 200;

export const catalogResolvers = {
  Query: {
    products(_root: unknown, args: { first: number }, context: GraphqlContext): Promise<Product[]> {
      if (!Number.isInteger(args.first) || args.first < 1 || args.first > MAX_FIRST) {
        throw new BffError(
          ErrorCode.BAD_USER_INPUT,
          `products(first: ${args.first}) is out of range: ask for 1..${MAX_FIRST}`,
        );
      }
      return context.loaders.products(args.first);
    },
  },
};
