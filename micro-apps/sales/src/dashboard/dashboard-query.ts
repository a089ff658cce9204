import type { SalesDashboardQuery } from '../graphql-types.generated.js';

/** Products with less on hand than this count as low stock. */
export const LOW_STOCK_THRESHOLD = 10;

/** Today's figures and the products running low; the BFF allows it to the owner only. */
export { default as DASHBOARD_QUERY } from './sales-dashboard.graphql';

export type DashboardData = SalesDashboardQuery;
