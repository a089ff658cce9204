import type { Product } from '../../service/catalog.js';
import type { DaySummary } from '../../service/sales_report.js';
import type { GraphqlContext } from '../context.js';
import { pageSize } from '../pagination.js';
import { requireRole } from '../require_role.js';

/** The shops are in China: "today" is the UTC+8 calendar day. */
function chinaToday(now = Date.now()): string {
  return new Date(now + 8 * 3600_000).toISOString().slice(0, 10);
}

interface DashboardRoot {
  date: string;
  day(): Promise<DaySummary>;
}

/** How many products low stock is judged over (the first page of the catalog). */
const LOW_STOCK_SCAN = 200;

export const dashboardResolvers = {
  Query: {
    dashboard(_: unknown, _args: unknown, context: GraphqlContext): DashboardRoot {
      requireRole(context, 'dashboard', 'dashboard');
      const date = chinaToday();
      let day: Promise<DaySummary> | undefined;
      // Both figures come from one read of today's orders, made only if asked for.
      return {
        date,
        day: () => (day ??= context.services.salesReport.day(context.tenantId, date)),
      };
    },
  },
  Dashboard: {
    salesToday: async (dashboard: DashboardRoot) => (await dashboard.day()).revenue,
    orderCount: async (dashboard: DashboardRoot) => (await dashboard.day()).orderCount,
    async lowStock(
      _: unknown,
      args: { threshold: number; first: number },
      context: GraphqlContext,
    ): Promise<Product[]> {
      const first = pageSize('lowStock', args.first);
      const { items } = await context.services.catalog.listProducts(context.tenantId, {
        limit: LOW_STOCK_SCAN,
      });
      const stock = await context.loaders.stock.loadMany(items.map((p) => p.id));
      return items
        .map((product, i) => {
          const level = stock[i];
          return { product, onHand: level instanceof Error || !level ? 0 : level.onHand };
        })
        .filter(({ onHand }) => onHand < args.threshold)
        .sort((a, b) => a.onHand - b.onHand)
        .slice(0, first)
        .map(({ product }) => product);
    },
  },
};
