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
      if (args.threshold < 1) return [];
      const low = await context.services.inventory.lowStock(
        context.tenantId,
        args.threshold,
        first,
      );
      const products = await context.loaders.product.loadMany(low.map((item) => item.productId));
      // A product the catalog no longer has (deleted) is left out rather than shown blank.
      return products.filter(
        (product): product is Product => !!product && !(product instanceof Error),
      );
    },
  },
};
