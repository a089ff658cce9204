import type { Queryable } from '../shared/database.js';
import { isUuid } from '../shared/ids.js';
import type { Product } from './product.js';

const COLUMNS = 'id, sku, name, category, unit, barcode, image';

/** Filters of the product list. */
export interface ProductFilter {
  /** Matches names and skus containing it, or the exact barcode. */
  q?: string;
  /** Exact category name. */
  category?: string;
}

export type ProductFields = Omit<Product, 'id'>;

/** Tenant-scoped product queries: every statement filters on tenant_id first. */
export interface ProductRepository {
  /** Up to `limit` products ordered by sku, after `afterSku` when given. */
  list(
    tenantId: string,
    limit: number,
    afterSku?: string,
    filter?: ProductFilter,
  ): Promise<Product[]>;
  get(tenantId: string, id: string): Promise<Product | undefined>;
  /** The tenant's products among `ids`; ids that are unknown or not UUIDs are skipped. */
  getMany(tenantId: string, ids: string[]): Promise<Product[]>;
  /** Inserts a product, or answers undefined when the sku is taken. */
  insert(tenantId: string, id: string, fields: ProductFields): Promise<Product | undefined>;
  update(
    tenantId: string,
    id: string,
    fields: Partial<ProductFields>,
  ): Promise<Product | undefined>;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

export function createProductRepository(db: Queryable): ProductRepository {
  return {
    list(tenantId, limit, afterSku, filter = {}) {
      return db.query<Product>(
        `SELECT ${COLUMNS} FROM products
         WHERE tenant_id = $1 AND ($2::text IS NULL OR sku > $2)
           AND ($3::text IS NULL OR name ILIKE $3 OR sku ILIKE $3 OR barcode = $4)
           AND ($5::text IS NULL OR category = $5)
         ORDER BY sku LIMIT $6`,
        [
          tenantId,
          afterSku ?? null,
          filter.q ? `%${escapeLike(filter.q)}%` : null,
          filter.q ?? null,
          filter.category ?? null,
          limit,
        ],
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
    async insert(tenantId, id, fields) {
      await db.query(
        'INSERT INTO categories (tenant_id, name) VALUES ($1, $2) ON CONFLICT DO NOTHING',
        [tenantId, fields.category],
      );
      const rows = await db.query<Product>(
        `INSERT INTO products (tenant_id, id, sku, name, category, unit, barcode, image)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING RETURNING ${COLUMNS}`,
        [
          tenantId,
          id,
          fields.sku,
          fields.name,
          fields.category,
          fields.unit,
          fields.barcode,
          fields.image,
        ],
      );
      return rows[0];
    },
    async update(tenantId, id, fields) {
      if (!isUuid(id)) return undefined;
      if (fields.category !== undefined) {
        await db.query(
          'INSERT INTO categories (tenant_id, name) VALUES ($1, $2) ON CONFLICT DO NOTHING',
          [tenantId, fields.category],
        );
      }
      const rows = await db.query<Product>(
        `UPDATE products SET name = COALESCE($3, name), category = COALESCE($4, category),
           unit = COALESCE($5, unit),
           barcode = CASE WHEN $6::boolean THEN $7 ELSE barcode END,
           image = CASE WHEN $8::boolean THEN $9 ELSE image END, updated_at = now()
         WHERE tenant_id = $1 AND id = $2 RETURNING ${COLUMNS}`,
        [
          tenantId,
          id,
          fields.name ?? null,
          fields.category ?? null,
          fields.unit ?? null,
          fields.barcode !== undefined,
          fields.barcode ?? null,
          fields.image !== undefined,
          fields.image ?? null,
        ],
      );
      return rows[0];
    },
  };
}
