import type { NewOrder, Order } from '../../service/sales.js';
import type { GraphqlContext } from '../context.js';
import { pageSize, toConnection } from '../pagination.js';
import { requireRole } from '../require_role.js';

type OrderLine = Order['lines'][number];

export const salesResolvers = {
  Query: {
    async orders(
      _: unknown,
      args: { first: number; after?: string; status?: string; customerId?: string | null },
      context: GraphqlContext,
    ) {
      requireRole(context, 'sales', 'orders');
      const page = await context.services.sales.listOrders(context.tenantId, {
        limit: pageSize('orders', args.first),
        cursor: args.after,
        status: args.status,
        customerId: args.customerId,
      });
      return toConnection(page);
    },
    order(_: unknown, args: { id: string }, context: GraphqlContext): Promise<Order | null> {
      requireRole(context, 'sales', 'order');
      return context.loaders.order.load(args.id);
    },
  },
  Mutation: {
    createOrder(
      _: unknown,
      args: { input: Omit<NewOrder, 'actor'>; idempotencyKey?: string | null },
      context: GraphqlContext,
    ) {
      requireRole(context, 'sales', 'createOrder');
      return context.services.sales.createOrder(context.tenantId, {
        ...args.input,
        actor: context.user.username,
        idempotencyKey: args.idempotencyKey,
      });
    },
    confirmOrder(
      _: unknown,
      args: { id: string; idempotencyKey?: string | null },
      context: GraphqlContext,
    ) {
      requireRole(context, 'sales', 'confirmOrder');
      const { tenantId, user } = context;
      return context.services.sales.transition(
        tenantId,
        args.id,
        'confirm',
        user.username,
        args.idempotencyKey,
      );
    },
    cancelOrder(_: unknown, args: { id: string }, context: GraphqlContext) {
      requireRole(context, 'sales', 'cancelOrder');
      const { tenantId, user } = context;
      return context.services.sales.transition(tenantId, args.id, 'cancel', user.username);
    },
  },
  SalesOrder: {
    customer(order: Order, _: unknown, context: GraphqlContext) {
      return order.customerId ? context.loaders.customer.load(order.customerId) : null;
    },
    itemCount: (order: Order) => order.lines.reduce((sum, l) => sum + l.quantity, 0),
    total: (order: Order) => order.total,
  },
  SalesOrderLine: {
    product(line: OrderLine, _: unknown, context: GraphqlContext) {
      return context.loaders.product.load(line.productId);
    },
    amount: (line: OrderLine) => line.total,
  },
};
