import { Service } from 'egg';
import { z } from 'zod';
import { runtimeOf } from '../lib/bff_runtime.js';
import { cacheTallyOf } from '../lib/request_state.js';
import { pageOf, pageQuery } from '../lib/schemas/page.js';
import type { Page } from '../lib/schemas/page.js';
import { parseMoney } from '../lib/money.js';
import { upstreamFor } from '../lib/upstream_for.js';

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
    return runtimeOf(this.app).cache.getMany(
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

  async createOrder(tenantId: string, input: NewOrder): Promise<Order> {
    const client = upstreamFor(this.ctx, 'sales', tenantId);
    const { actor, ...order } = input;
    return client.post('/orders', { ...order, createdBy: actor }, OrderSchema);
  }

  /** Confirm (reserve and commit stock) or cancel (release it); stock caches are invalidated. */
  async transition(
    tenantId: string,
    id: string,
    action: 'confirm' | 'cancel',
    actor: string,
  ): Promise<Order> {
    const client = upstreamFor(this.ctx, 'sales', tenantId);
    const { cache } = runtimeOf(this.app);
    try {
      const path = `/orders/${encodeURIComponent(id)}/${action}`;
      const order = await client.post(path, { actor }, OrderSchema);
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
}
