import type { Queryable } from '../shared/database.js';
import { isUuid } from '../shared/ids.js';
import type { StockLevel, Warehouse, WarehouseStock } from './stock.js';

/** Tenant-scoped warehouse and stock queries: every statement filters on tenant_id first. */
export interface StockRepository {
  listWarehouses(tenantId: string): Promise<Warehouse[]>;
  /**
   * One entry per distinct requested id, in request order, listing every warehouse of the tenant;
   * ids with no stock rows (unknown, other tenant's, not UUIDs) get zeros.
   */
  getLevels(tenantId: string, productIds: string[]): Promise<StockLevel[]>;
  /**
   * Products whose on-hand total over all warehouses is below `below`, lowest first (then by id),
   * at most `limit`. Only products that have stock rows: inventory never heard of the others.
   */
  listLow(tenantId: string, below: number, limit: number): Promise<LowStock[]>;
}

/** One product running low: its on-hand total over every warehouse. */
export interface LowStock {
  productId: string;
  onHand: number;
}

interface StockRow {
  product_id: string;
  warehouse_id: string;
  on_hand: number;
  reserved: number;
}

export function createStockRepository(db: Queryable): StockRepository {
  const listWarehouses = (tenantId: string): Promise<Warehouse[]> =>
    db.query<Warehouse>('SELECT id, name FROM warehouses WHERE tenant_id = $1 ORDER BY code', [
      tenantId,
    ]);

  return {
    listWarehouses,
    listLow: (tenantId, below, limit) =>
      db.query<LowStock>(
        `SELECT product_id AS "productId", sum(on_hand)::int AS "onHand" FROM stock_levels
         WHERE tenant_id = $1 GROUP BY product_id HAVING sum(on_hand) < $2
         ORDER BY 2, 1 LIMIT $3`,
        [tenantId, below, limit],
      ),
    async getLevels(tenantId, productIds) {
      const requested = [...new Set(productIds)];
      const wanted = requested.filter(isUuid).map((id) => id.toLowerCase());
      const [warehouses, rows] = await Promise.all([
        listWarehouses(tenantId),
        wanted.length === 0
          ? Promise.resolve([])
          : db.query<StockRow>(
              `SELECT product_id, warehouse_id, on_hand, reserved FROM stock_levels
               WHERE tenant_id = $1 AND product_id = ANY($2::uuid[])`,
              [tenantId, wanted],
            ),
      ]);
      const byKey = new Map(rows.map((row) => [`${row.product_id}/${row.warehouse_id}`, row]));
      return requested.map((productId) => {
        const split = warehouses.map((warehouse) => {
          const row = byKey.get(`${productId.toLowerCase()}/${warehouse.id}`);
          const onHand = row?.on_hand ?? 0;
          const reserved = row?.reserved ?? 0;
          return {
            warehouseId: warehouse.id,
            name: warehouse.name,
            onHand,
            reserved,
            available: onHand - reserved,
          };
        });
        const sum = (pick: (entry: WarehouseStock) => number): number =>
          split.reduce((total, entry) => total + pick(entry), 0);
        return {
          productId,
          onHand: sum((entry) => entry.onHand),
          reserved: sum((entry) => entry.reserved),
          available: sum((entry) => entry.available),
          warehouses: split,
        };
      });
    },
  };
}
