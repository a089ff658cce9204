import type { Product } from '../../service/catalog.js';
import type { GraphqlContext } from '../context.js';
import { pageSize } from '../pagination.js';
import { requireRole } from '../require_role.js';

interface CatalogueArgs {
  first: number;
  after?: string | null;
  category?: string | null;
  search?: string | null;
}

interface ShopOrderArgs {
  input: { customerId?: string | null; lines: { productId: string; quantity: number }[] };
  idempotencyKey?: string | null;
}

export const shopResolvers = {
  Query: {
    async shopCatalogue(_: unknown, args: CatalogueArgs, context: GraphqlContext) {
      requireRole(context, 'shop', 'shopCatalogue');
      const { catalog } = context.services;
      const [categories, page] = await Promise.all([
        catalog.categories(context.tenantId),
        catalog.listProducts(context.tenantId, {
          limit: pageSize('shopCatalogue', args.first),
          cursor: args.after,
          category: args.category,
          q: args.search,
        }),
      ]);
      return {
        categories: categories.filter((c) => c.productCount > 0).map((c) => c.name),
        items: page.items,
        pageInfo: { hasNextPage: page.nextCursor !== null, endCursor: page.nextCursor },
      };
    },
    shopItem(_: unknown, args: { id: string }, context: GraphqlContext): Promise<Product | null> {
      requireRole(context, 'shop', 'shopItem');
      return context.loaders.product.load(args.id);
    },
  },
  Mutation: {
    async placeShopOrder(
      _: unknown,
      { input, idempotencyKey }: ShopOrderArgs,
      context: GraphqlContext,
    ) {
      requireRole(context, 'shop', 'placeShopOrder');
      const order = await context.services.sales.checkout(context.tenantId, {
        ...input,
        actor: context.user.username,
        idempotencyKey,
      });
      return { orderId: order.id, number: order.number, status: order.status, total: order.total };
    },
  },
  ShopItem: {
    async price(product: Product, _: unknown, context: GraphqlContext) {
      return (await context.loaders.price.load(product.id))?.price ?? null;
    },
    async listPrice(product: Product, _: unknown, context: GraphqlContext) {
      return (await context.loaders.price.load(product.id))?.listPrice ?? null;
    },
    async promotion(product: Product, _: unknown, context: GraphqlContext) {
      return (await context.loaders.price.load(product.id))?.promotion ?? null;
    },
    async inStock(product: Product, _: unknown, context: GraphqlContext) {
      const stock = await context.loaders.stock.load(product.id);
      return (stock.available ?? stock.onHand) > 0;
    },
  },
};
