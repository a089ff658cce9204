import type { Product } from '../../service/catalog.js';
import type { Stock } from '../../service/inventory.js';
import type { GraphqlContext } from '../context.js';

export const inventoryResolvers = {
  Product: {
    stock(product: Product, _args: unknown, context: GraphqlContext): Promise<Stock> {
      return context.loaders.stock.load(product.id);
    },
  },
};
