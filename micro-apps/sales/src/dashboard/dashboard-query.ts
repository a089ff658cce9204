/** Products with less on hand than this count as low stock. */
export const LOW_STOCK_THRESHOLD = 10;

/** Today's figures and the products running low; the BFF allows it to the owner only. */
export { default as DASHBOARD_QUERY } from './sales-dashboard.graphql';

export interface DashboardData {
  dashboard: {
    date: string;
    salesToday: string;
    orderCount: number;
    lowStock: {
      id: string;
      sku: string;
      name: string;
      unit: string;
      stock: { onHand: number; available: number } | null;
    }[];
  };
}
