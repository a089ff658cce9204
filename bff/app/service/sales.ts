import { randomUUID } from 'node:crypto';
import { Service } from 'egg';
import { z } from 'zod';
import { BffError, ErrorCode } from '../lib/http/errors.js';
import { cacheTallyOf } from '../lib/http/request_state.js';
import { pageOf, pageQuery } from '../lib/upstream/page_schemas.js';
import type { Page } from '../lib/upstream/page_schemas.js';
import { parseMoney } from '../lib/money.js';
import { mayHaveArrived, requireOutage } from '../lib/upstream/keyed_write.js';
import { upstreamFor } from '../lib/upstream/upstream_for.js';

const OrderLineSchema = z.object({
  productId: z.string(),
  sku: z.string().nullish(),
  name: z.string().nullish(),
  quantity: z.number().int(),
  /** Decimal strings from the service; parsed to fen here. */
  unitPrice: z.string().transform(parseMoney),
  total: z.string().transform(parseMoney),
  promotion: z.string().nullish(),
});

export const OrderSchema = z.object({
  id: z.string(),
  number: z.string(),
  status: z.string(),
  customerId: z.string().nullish(),
  note: z.string().nullish(),
  createdBy: z.string().nullish(),
  /** Fen. */
  total: z.string().transform(parseMoney),
  createdAt: z.string(),
  lines: z.array(OrderLineSchema),
});
export type Order = z.infer<typeof OrderSchema>;

export interface OrderFilter {
  limit: number;
  cursor?: string | null;
  status?: string | null;
  customerId?: string | null;
}

export interface NewOrder {
  customerId?: string | null;
  note?: string | null;
  lines: { productId: string; quantity: number }[];
  actor: string;
  /**
   * Sent again with a retry of the same write, so the sales service answers what the first try
   * did instead of writing twice.
   * @default a new UUID (the BFF's own follow-up read still finds the outcome)
   */
  idempotencyKey?: string | null;
}

/** The error a write whose outcome nobody can tell ends in: look at the order, do not redo it. */
function outcomeUnknown(action: string, order: Order | undefined, cause: unknown): BffError {
  const which = order ? `order ${order.number}` : 'the order';
  return new BffError(
    ErrorCode.OUTCOME_UNKNOWN,
    `${action} was sent but its answer was lost: look at ${which} before trying again`,
    { cause, extensions: order ? { orderId: order.id, orderNumber: order.number } : undefined },
  );
}

/** The sales service (orders), called for one tenant; orders are cached by id. */
export default class SalesService extends Service {
  async listOrders(tenantId: string, filter: OrderFilter): Promise<Page<Order>> {
    return upstreamFor(this.ctx, 'sales', tenantId).get(
      `/orders?${pageQuery({ ...filter })}`,
      pageOf(OrderSchema),
    );
  }

  /** Orders by id (cached); the service has no batch read, so misses are fetched in parallel. */
  async ordersByIds(tenantId: string, ids: readonly string[]): Promise<Map<string, Order>> {
    const client = upstreamFor(this.ctx, 'sales', tenantId);
    return this.app.mosaicRuntime.cache.getMany(
      'order',
      tenantId,
      ids,
      async (missing) => {
        const orders = await Promise.all(
          missing.map((id) =>
            client.get(`/orders/${encodeURIComponent(id)}`, OrderSchema).catch((err: unknown) => {
              if ((err as { code?: string }).code === 'NOT_FOUND') return undefined;
              throw err;
            }),
          ),
        );
        return new Map(orders.flatMap((o) => (o ? [[o.id, o] as const] : [])));
      },
      cacheTallyOf(this.ctx),
    );
  }

  /** A fresh read of one order, bypassing the cache, for settling a write's outcome. */
  private async readOrder(tenantId: string, path: string): Promise<Order | undefined> {
    return upstreamFor(this.ctx, 'sales', tenantId)
      .get(path, OrderSchema)
      .catch((err: unknown) => {
        if (err instanceof BffError && err.code === ErrorCode.NOT_FOUND) return undefined;
        throw err;
      });
  }

  /**
   * Creating and checking out are keyed: when the answer is lost, the order made under the key
   * (a read) says what happened.
   */
  private async settleKeyed(
    tenantId: string,
    key: string,
    action: string,
    error: BffError,
  ): Promise<Order | undefined> {
    let order: Order | undefined;
    try {
      order = await this.readOrder(tenantId, `/orders/by-key/${encodeURIComponent(key)}`);
    } catch {
      throw outcomeUnknown(action, undefined, error);
    }
    if (!order && mayHaveArrived(error)) throw outcomeUnknown(action, undefined, error);
    return order;
  }

  async createOrder(tenantId: string, input: NewOrder): Promise<Order> {
    const client = upstreamFor(this.ctx, 'sales', tenantId);
    const { actor, idempotencyKey, ...order } = input;
    const key = idempotencyKey ?? randomUUID();
    try {
      return await client.post(
        '/orders',
        { ...order, createdBy: actor, idempotencyKey: key },
        OrderSchema,
      );
    } catch (err) {
      const error = requireOutage(err);
      // Any order under the key was made by this request: created, whatever happened after.
      const made = await this.settleKeyed(tenantId, key, 'Creating the order', error);
      if (made) return made;
      throw error;
    }
  }

  /**
   * A shop checkout: places and confirms an order in one call to sales, which leaves nothing
   * behind when it fails; stock caches of its products are invalidated.
   */
  async checkout(tenantId: string, input: NewOrder): Promise<Order> {
    const client = upstreamFor(this.ctx, 'sales', tenantId);
    const { actor, idempotencyKey, customerId, lines } = input;
    const key = idempotencyKey ?? randomUUID();
    try {
      return await client.post(
        '/checkouts',
        { customerId, lines, createdBy: actor, idempotencyKey: key },
        OrderSchema,
      );
    } catch (err) {
      const error = requireOutage(err);
      const order = await this.settleKeyed(tenantId, key, 'Placing the order', error);
      if (!order) throw error;
      if (order.status === 'confirmed' || order.status === 'shipped') return order;
      if (order.status === 'cancelled') {
        throw new BffError(
          ErrorCode.CONFLICT,
          `order ${order.number} was not placed: no stock was taken; try again`,
          { cause: error },
        );
      }
      throw outcomeUnknown('Placing the order', order, error);
    } finally {
      await this.app.mosaicRuntime.cache.invalidate(
        'stock',
        tenantId,
        lines.map((l) => l.productId),
      );
    }
  }

  /**
   * Confirm (reserve and commit stock) or cancel (release it); stock caches are invalidated. When
   * the answer is lost, a read of the order tells whether it went through; if that cannot tell,
   * the error is OUTCOME_UNKNOWN.
   */
  async transition(
    tenantId: string,
    id: string,
    action: 'confirm' | 'cancel',
    actor: string,
    idempotencyKey?: string | null,
  ): Promise<Order> {
    const client = upstreamFor(this.ctx, 'sales', tenantId);
    const { cache } = this.app.mosaicRuntime;
    const path = `/orders/${encodeURIComponent(id)}`;
    try {
      const body = idempotencyKey ? { actor, idempotencyKey } : { actor };
      const order = await client
        .post(`${path}/${action}`, body, OrderSchema)
        .catch(async (err: unknown) => this.settleTransition(tenantId, id, action, err));
      await cache.invalidate(
        'stock',
        tenantId,
        order.lines.map((l) => l.productId),
      );
      return order;
    } finally {
      await cache.invalidate('order', tenantId, [id]);
    }
  }

  private async settleTransition(
    tenantId: string,
    id: string,
    action: 'confirm' | 'cancel',
    err: unknown,
  ): Promise<Order> {
    const error = requireOutage(err);
    const done = action === 'confirm' ? ['confirmed', 'shipped'] : ['cancelled'];
    const label = action === 'confirm' ? 'Confirming' : 'Cancelling';
    let order: Order | undefined;
    try {
      order = await this.readOrder(tenantId, `/orders/${encodeURIComponent(id)}`);
    } catch {
      // Sales cannot be read either; a cached copy still gives the number to look for.
      const cached = (await this.ordersByIds(tenantId, [id]).catch(() => undefined))?.get(id);
      throw outcomeUnknown(`${label} the order`, cached, error);
    }
    if (!order) throw error;
    if (done.includes(order.status)) return order;
    // Still where it was, and the service had finished: it did not happen; trying again is safe.
    if (order.status !== 'confirming' && !mayHaveArrived(error)) throw error;
    throw outcomeUnknown(`${label} order ${order.number}`, order, error);
  }
}
