import type { Product } from '../../service/catalog.js';
import type { GraphqlContext } from '../context.js';

export const pricingResolvers = {
  Product: {
    async price(product: Product, _: unknown, context: GraphqlContext) {
      const quote = await context.loaders.price.load(product.id);
      return quote && { list: quote.listPrice, current: quote.price, promotion: quote.promotion };
    },
  },
};
