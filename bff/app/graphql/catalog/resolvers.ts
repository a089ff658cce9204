import type { Category, Product, ProductInput } from '../../service/catalog.js';
import type { GraphqlContext } from '../context.js';
import { pageSize, toConnection } from '../pagination.js';
import { requireRole } from '../require_role.js';

interface ListArgs {
  first: number;
  after?: string | null;
  category?: string | null;
  search?: string | null;
}

async function listProducts(context: GraphqlContext, field: string, args: ListArgs) {
  const page = await context.services.catalog.listProducts(context.tenantId, {
    limit: pageSize(field, args.first),
    cursor: args.after,
    category: args.category,
    q: args.search,
  });
  // Later lookups by id in this request (order lines, low stock) reuse what the list returned.
  for (const product of page.items) context.loaders.product.prime(product.id, product);
  return page;
}

export const catalogResolvers = {
  Query: {
    async products(_: unknown, args: ListArgs, context: GraphqlContext): Promise<Product[]> {
      return (await listProducts(context, 'products', args)).items;
    },
    async productsPage(_: unknown, args: ListArgs, context: GraphqlContext) {
      return toConnection(await listProducts(context, 'productsPage', args));
    },
    product(_: unknown, args: { id: string }, context: GraphqlContext): Promise<Product | null> {
      return context.loaders.product.load(args.id);
    },
    categories(_: unknown, _args: unknown, context: GraphqlContext): Promise<Category[]> {
      return context.services.catalog.categories(context.tenantId);
    },
  },
  Mutation: {
    createProduct(
      _: unknown,
      args: { input: ProductInput; idempotencyKey?: string | null },
      context: GraphqlContext,
    ) {
      requireRole(context, 'manageProducts', 'createProduct');
      return context.services.catalog.createProduct(
        context.tenantId,
        args.input,
        args.idempotencyKey,
      );
    },
    updateProduct(_: unknown, args: { id: string; input: ProductInput }, context: GraphqlContext) {
      requireRole(context, 'manageProducts', 'updateProduct');
      return context.services.catalog.updateProduct(context.tenantId, args.id, args.input);
    },
  },
};
