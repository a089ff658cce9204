import { Service } from 'egg';
import { z } from 'zod';
import { parseMoney } from '../lib/money.js';
import { upstreamFor } from '../lib/upstream/upstream_for.js';

export interface DaySummary {
  /** Fen, confirmed and shipped orders. */
  revenue: number;
  orderCount: number;
}

const SalesReportSchema = z.object({
  orderCount: z.number().int().nonnegative(),
  /** Decimal yuan from the service; parsed to fen here. */
  total: z.string().transform(parseMoney),
});

/**
 * Figures for the owner's dashboard, summed by the sales service (`GET /reports/sales`): one
 * small answer, however many orders the day had.
 */
export default class SalesReportService extends Service {
  async day(tenantId: string, date: string, utcOffsetHours = 8): Promise<DaySummary> {
    const start = Date.parse(`${date}T00:00:00Z`) - utcOffsetHours * 3600_000;
    const window = new URLSearchParams({
      from: new Date(start).toISOString(),
      to: new Date(start + 86_400_000).toISOString(),
    });
    const report = await upstreamFor(this.ctx, 'sales', tenantId).get(
      `/reports/sales?${window}`,
      SalesReportSchema,
    );
    return { revenue: report.total, orderCount: report.orderCount };
  }
}
