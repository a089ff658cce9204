import type { Queryable } from '../shared/database.js';
import { isUuid } from '../shared/ids.js';
import type { Product } from './product.js';

const COLUMNS = 'id, sku, name, category, unit, barcode';

/** Tenant-scoped product queries: every statement filters on tenant_id first. */
export interface ProductRepository {
  /** Up to `limit` products ordered by sku, after `afterSku` when given. */
  list(tenantId: string, limit: number, afterSku?: string): Promise<Product[]>;
  get(tenantId: string, id: string): Promise<Product | undefined>;
  /** The tenant's products among `ids`; ids that are unknown or not UUIDs are skipped. */
  getMany(tenantId: string, ids: string[]): Promise<Product[]>;
}

export function createProductRepository(db: Queryable): ProductRepository {
  return {
    list(tenantId, limit, afterSku) {
      return afterSku === undefined
        ? db.query<Product>(
            `SELECT ${COLUMNS} FROM products WHERE tenant_id = $1 ORDER BY sku LIMIT $2`,
            [tenantId, limit],
          )
        : db.query<Product>(
            `SELECT ${COLUMNS} FROM products WHERE tenant_id = $1 AND sku > $2 ORDER BY sku LIMIT $3`,
            [tenantId, afterSku, limit],
          );
    },
    async get(tenantId, id) {
      if (!isUuid(id)) return undefined;
      const rows = await db.query<Product>(
        `SELECT ${COLUMNS} FROM products WHERE tenant_id = $1 AND id = $2`,
        [tenantId, id],
      );
      return rows[0];
    },
    async getMany(tenantId, ids) {
      const wanted = ids.filter(isUuid).map((id) => id.toLowerCase());
      if (wanted.length === 0) return [];
      return db.query<Product>(
        `SELECT ${COLUMNS} FROM products WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
        [tenantId, wanted],
      );
    },
  };
}
