import { Service } from 'egg';
import { services } from '../lib/services.js';

/** Most orders read to sum up one day; a shop with more shows a lower bound. */
const MAX_ORDERS_PER_DAY = 1000;
const COUNTED = new Set(['confirmed', 'shipped']);

export interface DaySummary {
  /** Fen, confirmed and shipped orders. */
  revenue: number;
  orderCount: number;
}

/**
 * Figures for the owner's dashboard, summed from the sales service's order list (newest first)
 * until the orders are older than the day. The service has no report endpoint yet.
 */
export default class SalesReportService extends Service {
  async day(tenantId: string, date: string, utcOffsetHours = 8): Promise<DaySummary> {
    const { sales } = services(this.ctx);
    const start = Date.parse(`${date}T00:00:00Z`) - utcOffsetHours * 3600_000;
    const end = start + 86_400_000;
    const summary: DaySummary = { revenue: 0, orderCount: 0 };
    let cursor: string | null = null;
    for (let read = 0; read < MAX_ORDERS_PER_DAY; read += 200) {
      const page = await sales.listOrders(tenantId, { limit: 200, cursor });
      for (const order of page.items) {
        const at = Date.parse(order.createdAt);
        if (at >= start && at < end && COUNTED.has(order.status)) {
          summary.revenue += order.total;
          summary.orderCount += 1;
        }
      }
      const oldest = page.items.at(-1);
      if (!page.nextCursor || !oldest || Date.parse(oldest.createdAt) < start) break;
      cursor = page.nextCursor;
    }
    return summary;
  }
}
