import type { DemoTenant } from './demo-data.js';
import { createRandom } from './demo-random.js';
import { deterministicUuid } from './ids.js';

/** Statuses a demo order may have; drafts and cancelled ones never touched stock. */
export type DemoOrderStatus = 'draft' | 'confirmed' | 'shipped' | 'cancelled';

export interface DemoOrderLine {
  sku: string;
  quantity: number;
  /** Unit price in fen at the time of the order. */
  unitPrice: number;
}

export interface DemoOrder {
  id: string;
  /** Per-tenant sequence number, 1-based; the order number is derived from it. */
  seq: number;
  customerCode: string | null;
  status: DemoOrderStatus;
  createdAt: Date;
  /** The inventory reservation that took the stock, for confirmed and shipped orders. */
  reservationId: string | null;
  lines: DemoOrderLine[];
}

/** How many days of history the demo has. */
export const DEMO_HISTORY_DAYS = 21;

/**
 * A few weeks of orders ending `today`, derived from the tenant alone, so sales (orders) and
 * inventory (the sales movements they caused) seed matching data without calling each other.
 */
export function demoOrders(tenant: DemoTenant, today: Date): DemoOrder[] {
  const random = createRandom(`${tenant.id}/orders`);
  const busy = tenant.products.length > 100;
  const dayStart = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  const orders: DemoOrder[] = [];
  for (let day = DEMO_HISTORY_DAYS; day >= 0; day -= 1) {
    const count = busy ? random.int(6, 14) : random.int(1, 4);
    for (let n = 0; n < count; n += 1) {
      // Opening hours 08:00-21:00 China time, i.e. 00:00-13:00 UTC.
      const createdAt = new Date(dayStart - day * 86_400_000 + random.int(0, 13 * 3600) * 1000);
      const status: DemoOrderStatus = random.chance(0.04)
        ? 'cancelled'
        : day === 0 && random.chance(0.3)
          ? 'draft'
          : day <= 1
            ? 'confirmed'
            : 'shipped';
      const lines = new Map<string, DemoOrderLine>();
      for (let l = random.int(1, busy ? 5 : 3); l > 0; l -= 1) {
        const product = random.pick(tenant.products);
        const line = lines.get(product.sku) ?? {
          sku: product.sku,
          quantity: 0,
          unitPrice: product.price,
        };
        line.quantity += random.int(1, busy ? 3 : 2);
        lines.set(product.sku, line);
      }
      const stockTaken = status === 'confirmed' || status === 'shipped';
      orders.push({
        id: '',
        seq: 0,
        customerCode: random.chance(busy ? 0.4 : 0.8) ? random.pick(tenant.customers).code : null,
        status,
        createdAt,
        reservationId: stockTaken ? '' : null,
        lines: [...lines.values()],
      });
    }
  }
  // Numbers follow time, as they would have in a real shop.
  orders.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  return orders.map((order, i) => ({
    ...order,
    id: deterministicUuid('order', tenant.id, String(i + 1)),
    seq: i + 1,
    reservationId:
      order.reservationId === null
        ? null
        : deterministicUuid('reservation', tenant.id, String(i + 1)),
  }));
}

/** The order number customers see, e.g. `SO-000042`; the sequence is per tenant. */
export function orderNumber(seq: number): string {
  return `SO-${String(seq).padStart(6, '0')}`;
}
