import { BffError, ErrorCode } from '../../lib/http/errors.js';
import type { Product } from '../../service/catalog.js';
import type { Movement, Stock, Warehouse } from '../../service/inventory.js';
import type { GraphqlContext } from '../context.js';
import { pageSize, toConnection } from '../pagination.js';
import { requireRole } from '../require_role.js';

interface AdjustArgs {
  input: { productId: string; warehouseId: string; quantity: number; reason: string };
  idempotencyKey?: string | null;
}
interface TransferArgs {
  idempotencyKey?: string | null;
  input: {
    productId: string;
    fromWarehouseId: string;
    toWarehouseId: string;
    quantity: number;
    reason: string;
  };
}

/** Older inventory answers had no reservations: nothing reserved, all available. */
function withReservations<T extends { onHand: number; reserved?: number; available?: number }>(
  level: T,
) {
  const reserved = level.reserved ?? 0;
  return { ...level, reserved, available: level.available ?? level.onHand - reserved };
}

/**
 * Inventory keeps stock for any product id it is given, so a product outside the caller's catalog
 * would become a phantom stock row: the catalog, through the request's loader, must know it.
 */
async function requireOwnProduct(context: GraphqlContext, productId: string): Promise<void> {
  if (await context.loaders.product.load(productId)) return;
  const message = `product '${productId.slice(0, 64)}' is not in this tenant's catalog; pick one from the product list`;
  throw new BffError(ErrorCode.BAD_USER_INPUT, `productId: ${message}`, {
    fields: [{ path: 'productId', message }],
  });
}

export const inventoryResolvers = {
  Query: {
    warehouses(_: unknown, _args: unknown, context: GraphqlContext): Promise<Warehouse[]> {
      return context.services.inventory.warehouses(context.tenantId);
    },
    async stockMovements(
      _: unknown,
      args: { first: number; after?: string; productId?: string; warehouseId?: string },
      context: GraphqlContext,
    ) {
      requireRole(context, 'stockHistory', 'stockMovements');
      const page = await context.services.inventory.movements(context.tenantId, {
        limit: pageSize('stockMovements', args.first),
        cursor: args.after,
        productId: args.productId,
        warehouseId: args.warehouseId,
      });
      return toConnection(page);
    },
  },
  Mutation: {
    async adjustStock(_: unknown, { input, idempotencyKey }: AdjustArgs, context: GraphqlContext) {
      requireRole(context, 'manageStock', 'adjustStock');
      await requireOwnProduct(context, input.productId);
      await context.services.inventory.adjust(context.tenantId, {
        ...input,
        actor: context.user.username,
        idempotencyKey,
      });
      context.loaders.stock.clear(input.productId);
      return context.loaders.stock.load(input.productId);
    },
    async transferStock(
      _: unknown,
      { input, idempotencyKey }: TransferArgs,
      context: GraphqlContext,
    ) {
      requireRole(context, 'manageStock', 'transferStock');
      await requireOwnProduct(context, input.productId);
      await context.services.inventory.transfer(context.tenantId, {
        ...input,
        actor: context.user.username,
        idempotencyKey,
      });
      context.loaders.stock.clear(input.productId);
      return context.loaders.stock.load(input.productId);
    },
  },
  Product: {
    stock(product: Product, _: unknown, context: GraphqlContext): Promise<Stock> {
      return context.loaders.stock.load(product.id);
    },
  },
  Stock: {
    reserved: (stock: Stock) => withReservations(stock).reserved,
    available: (stock: Stock) => withReservations(stock).available,
    warehouses: (stock: Stock) => stock.warehouses.map(withReservations),
  },
  StockMovement: {
    product(movement: Movement, _: unknown, context: GraphqlContext) {
      return context.loaders.product.load(movement.productId);
    },
  },
};
