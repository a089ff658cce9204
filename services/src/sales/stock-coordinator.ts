import { randomUUID } from 'node:crypto';
import { ServiceError } from '../shared/service-error.js';
import { requireFound } from '../shared/require-found.js';
import type { Order } from './order.js';
import type { OrderRepository } from './order-repository.js';
import { callUpstream, errorCode, type UpstreamAnswer, type UpstreamContext } from './upstream.js';

/** What the coordinator needs: the orders and where inventory is. */
export interface StockCoordinatorOptions {
  orders: OrderRepository;
  inventoryUrl: string;
  timeoutMs: number;
  /** How long inventory holds stock for an order being confirmed. */
  reservationTtlSeconds: number;
}

/**
 * Confirms and cancels orders against inventory with try/confirm/cancel, so that whatever fails
 * and whenever, an order ends confirmed with its stock committed, or back in draft with nothing
 * reserved:
 *
 * 1. the order moves draft → confirming and records a fresh reservation id (before any call, so
 *    a crash leaves a trace the recovery sweep finds);
 * 2. try: inventory reserves under that id (idempotent);
 * 3. confirm: inventory commits it; the order moves confirming → confirmed.
 *
 * When a step's outcome is unknown the coordinator resolves the order: it asks inventory to
 * release the reservation. Inventory answers released (the order goes back to draft) or "already
 * committed" (the order is confirmed). Releasing an id inventory never saw records it as released,
 * so a reservation that arrives late is refused. If inventory cannot be reached at all the order
 * stays confirming; the sweep resolves it later and the reservation's own expiry frees the stock.
 */
/** Where an order goes when its stock was not taken: a shop order is never left as a draft. */
function notTaken(order: Order): 'draft' | 'cancelled' {
  return order.channel === 'shop' ? 'cancelled' : 'draft';
}

export function createStockCoordinator(options: StockCoordinatorOptions) {
  const { orders, inventoryUrl, timeoutMs } = options;
  const inventory = <T>(path: string, context: UpstreamContext, body: unknown) =>
    callUpstream<T>(inventoryUrl, path, context, { method: 'POST', body, timeoutMs });

  async function load(context: UpstreamContext, id: string): Promise<Order> {
    return requireFound(await orders.get(context.tenantId, id), 'order', id, context.tenantId);
  }

  /** Records a confirming order confirmed (stock committed), in the operation log too. */
  function markConfirmed(context: UpstreamContext, order: Order): Promise<boolean> {
    return orders.transition(
      context.tenantId,
      order.id,
      'confirming',
      'confirmed',
      undefined,
      context.operation,
    );
  }

  /** Ends a confirming order one way or the other; throws when inventory cannot say which. */
  async function resolve(context: UpstreamContext, order: Order): Promise<Order> {
    if (order.status !== 'confirming' || !order.reservationId) return order;
    const answer = await inventory(`/reservations/${order.reservationId}/release`, context, {});
    if (answer.status === 200) {
      await orders.transition(context.tenantId, order.id, 'confirming', notTaken(order), null);
    } else if (errorCode(answer.body) === 'RESERVATION_COMMITTED') {
      await markConfirmed(context, order);
    } else {
      throw new ServiceError(
        'UPSTREAM_UNAVAILABLE',
        `inventory refused to release ${order.reservationId}: ${JSON.stringify(answer.body)}`,
      );
    }
    return load(context, order.id);
  }

  /** Runs `step`; when its outcome is unknown, resolves the order and reports the failure. */
  async function unsure<T>(
    context: UpstreamContext,
    order: Order,
    step: () => Promise<T>,
  ): Promise<T | Order> {
    try {
      return await step();
    } catch (error) {
      if (!(error instanceof ServiceError) || error.code !== 'UPSTREAM_UNAVAILABLE') throw error;
      const resolved = await resolve(context, order).catch(() => undefined);
      if (resolved?.status === 'confirmed') return resolved;
      const state = resolved
        ? `order ${order.number} is ${resolved.status}`
        : `order ${order.number} will be settled automatically`;
      throw new ServiceError('UPSTREAM_UNAVAILABLE', `${error.message}; ${state}`);
    }
  }

  async function abandon(
    context: UpstreamContext,
    order: Order,
    error: ServiceError,
  ): Promise<never> {
    await orders.transition(context.tenantId, order.id, 'confirming', notTaken(order), null);
    throw error;
  }

  /** Asks inventory to take the reserved stock, then records the order confirmed. */
  async function commit(context: UpstreamContext, order: Order): Promise<Order> {
    const reservationId = order.reservationId as string;
    const committed = await unsure(context, order, () =>
      inventory(`/reservations/${reservationId}/commit`, context, { reference: order.number }),
    );
    if ('number' in committed) return committed;
    if (committed.status >= 400) {
      return abandon(
        context,
        order,
        new ServiceError(
          'CONFLICT',
          `reservation for ${order.number} expired before it was committed; ${order.channel === 'shop' ? 'nothing was ordered' : 'confirm again'}`,
        ),
      );
    }
    await markConfirmed(context, order);
    return load(context, order.id);
  }

  /** Why inventory did not hold stock, as the error to answer with. */
  function refusal(answer: UpstreamAnswer<{ status: string }>, what: string): ServiceError {
    const code =
      errorCode(answer.body) === 'INSUFFICIENT_STOCK' ? 'INSUFFICIENT_STOCK' : 'CONFLICT';
    const why =
      (answer.body as { error?: { message?: string } }).error?.message ??
      `reservation is ${answer.body.status}`;
    return new ServiceError(code, `cannot ${what}: ${why}`);
  }

  return {
    resolve: async (context: UpstreamContext, id: string): Promise<Order> =>
      resolve(context, await load(context, id)),

    async confirm(context: UpstreamContext, id: string, actor: string): Promise<Order> {
      let order = await load(context, id);
      if (order.status === 'confirming') order = await resolve(context, order);
      if (order.status === 'confirmed' || order.status === 'shipped') return order;
      if (order.status !== 'draft') {
        throw new ServiceError(
          'CONFLICT',
          `order ${order.number} is ${order.status}; only a draft can be confirmed`,
        );
      }
      const reservationId = randomUUID();
      if (!(await orders.transition(context.tenantId, id, 'draft', 'confirming', reservationId))) {
        throw new ServiceError(
          'CONFLICT',
          `order ${order.number} changed while confirming it; reload and retry`,
        );
      }
      order = { ...order, status: 'confirming', reservationId };
      const lines = order.lines.map((line) => ({
        productId: line.productId,
        quantity: line.quantity,
      }));
      const tried = await unsure(context, order, () =>
        inventory<{ status: string }>('/reservations', context, {
          id: reservationId,
          reference: order.number,
          actor,
          ttlSeconds: options.reservationTtlSeconds,
          lines,
        }),
      );
      if ('number' in tried) return tried;
      if (tried.status >= 400 || tried.body.status !== 'pending') {
        return abandon(context, order, refusal(tried, `confirm ${order.number}`));
      }
      return commit(context, order);
    },

    /**
     * A shop checkout: stock first, then the order, so a checkout that gets no stock leaves
     * nothing behind. Inventory reserves under a fresh id; only then does `create` write the
     * order, already `confirming` (it is never a draft); then inventory commits. If the stock is
     * not taken after all, the order ends `cancelled`, never in draft. `create` answers undefined
     * when another try with the same idempotency key placed the order first: this try's stock is
     * released and undefined answered.
     */
    async checkout(
      context: UpstreamContext,
      actor: string,
      lines: { productId: string; quantity: number }[],
      create: (reservationId: string) => Promise<string | undefined>,
    ): Promise<Order | undefined> {
      const reservationId = randomUUID();
      const release = () =>
        inventory(`/reservations/${reservationId}/release`, context, {}).catch(() => undefined);
      let tried: UpstreamAnswer<{ status: string }>;
      try {
        tried = await inventory<{ status: string }>('/reservations', context, {
          id: reservationId,
          actor,
          ttlSeconds: options.reservationTtlSeconds,
          lines,
        });
      } catch (error) {
        // Released unseen, a late reservation is refused; unreachable, it expires on its own.
        await release();
        throw new ServiceError(
          'UPSTREAM_UNAVAILABLE',
          `${(error as Error).message}; nothing was ordered`,
        );
      }
      if (tried.status >= 400 || tried.body.status !== 'pending') {
        throw refusal(tried, 'place the order');
      }
      let id: string | undefined;
      try {
        id = await create(reservationId);
      } finally {
        if (id === undefined) await release();
      }
      if (id === undefined) return undefined;
      return commit(context, await load(context, id));
    },

    async cancel(context: UpstreamContext, id: string, actor: string): Promise<Order> {
      let order = await load(context, id);
      if (order.status === 'confirming') order = await resolve(context, order);
      if (order.status === 'cancelled') return order;
      if (order.status === 'shipped')
        throw new ServiceError(
          'CONFLICT',
          `order ${order.number} has shipped; it cannot be cancelled`,
        );
      if (order.status === 'confirmed' && order.reservationId) {
        // Idempotent in inventory, so a retry after a lost answer is safe.
        const answer = await inventory(`/reservations/${order.reservationId}/return`, context, {
          actor,
        });
        if (answer.status >= 400)
          throw new ServiceError(
            'CONFLICT',
            `inventory would not take back the stock of ${order.number}: ${JSON.stringify(answer.body)}`,
          );
      }
      if (
        !(await orders.transition(
          context.tenantId,
          id,
          order.status,
          'cancelled',
          undefined,
          context.operation,
        ))
      ) {
        throw new ServiceError(
          'CONFLICT',
          `order ${order.number} changed while cancelling it; reload and retry`,
        );
      }
      return load(context, id);
    },
  };
}

export type StockCoordinator = ReturnType<typeof createStockCoordinator>;
