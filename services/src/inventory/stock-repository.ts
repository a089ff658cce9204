import type { Queryable } from '../shared/database.js';
import { isUuid } from '../shared/ids.js';
import type { StockLevel, Warehouse } from './stock.js';

/** Tenant-scoped warehouse and stock queries: every statement filters on tenant_id first. */
export interface StockRepository {
  listWarehouses(tenantId: string): Promise<Warehouse[]>;
  /**
   * One entry per distinct requested id, in request order, listing every warehouse of the tenant;
   * ids with no stock rows (unknown, other tenant's, not UUIDs) get zeros.
   */
  getLevels(tenantId: string, productIds: string[]): Promise<StockLevel[]>;
}

interface StockRow {
  product_id: string;
  warehouse_id: string;
  on_hand: number;
}

export function createStockRepository(db: Queryable): StockRepository {
  const listWarehouses = (tenantId: string): Promise<Warehouse[]> =>
    db.query<Warehouse>('SELECT id, name FROM warehouses WHERE tenant_id = $1 ORDER BY code', [
      tenantId,
    ]);

  return {
    listWarehouses,
    async getLevels(tenantId, productIds) {
      const requested = [...new Set(productIds)];
      const wanted = requested.filter(isUuid).map((id) => id.toLowerCase());
      const [warehouses, rows] = await Promise.all([
        listWarehouses(tenantId),
        wanted.length === 0
          ? Promise.resolve([])
          : db.query<StockRow>(
              `SELECT product_id, warehouse_id, on_hand FROM stock_levels
               WHERE tenant_id = $1 AND product_id = ANY($2::uuid[])`,
              [tenantId, wanted],
            ),
      ]);
      const byKey = new Map(rows.map((row) => [`${row.product_id}/${row.warehouse_id}`, row]));
      return requested.map((productId) => {
        const split = warehouses.map((warehouse) => ({
          warehouseId: warehouse.id,
          name: warehouse.name,
          onHand: byKey.get(`${productId.toLowerCase()}/${warehouse.id}`)?.on_hand ?? 0,
        }));
        return {
          productId,
          onHand: split.reduce((sum, entry) => sum + entry.onHand, 0),
          warehouses: split,
        };
      });
    },
  };
}
