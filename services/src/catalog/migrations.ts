import { idempotencyKeysTable } from '../shared/idempotency-repository.js';
import type { Migration } from '../shared/run-migrations.js';
import { DEMO_TENANTS } from '../shared/demo-data.js';
import { productIdFor } from '../shared/ids.js';

/** The catalog schema, then the demo seed as a data migration so it runs on first start only. */
export const catalogMigrations: Migration[] = [
  {
    name: '001-products',
    up: `
      CREATE TABLE products (
        tenant_id text NOT NULL,
        id uuid NOT NULL,
        sku text NOT NULL,
        name text NOT NULL,
        category text NOT NULL,
        unit text NOT NULL,
        barcode text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, sku)
      );
    `,
  },
  {
    name: '002-categories-and-images',
    up: `
      ALTER TABLE products ADD COLUMN image text;
      CREATE TABLE categories (
        tenant_id text NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, name)
      );
      INSERT INTO categories (tenant_id, name) SELECT DISTINCT tenant_id, category FROM products;
      CREATE INDEX products_by_category ON products (tenant_id, category, sku);
      CREATE INDEX products_by_barcode ON products (tenant_id, barcode);
    `,
  },
  // A product creation retried with its key answers the product its first try made.
  { name: '003-idempotency-keys', up: idempotencyKeysTable },
  {
    name: '900-demo-data',
    async up(tx) {
      for (const tenant of DEMO_TENANTS) {
        for (const category of new Set(tenant.products.map((product) => product.category))) {
          await tx.query(
            'INSERT INTO categories (tenant_id, name) VALUES ($1, $2) ON CONFLICT DO NOTHING',
            [tenant.id, category],
          );
        }
        for (const product of tenant.products) {
          await tx.query(
            `INSERT INTO products (tenant_id, id, sku, name, category, unit, barcode)
             VALUES ($1, $2, $3, $4, $5, $6, $7)
             ON CONFLICT DO NOTHING`,
            [
              tenant.id,
              productIdFor(tenant.id, product.sku),
              product.sku,
              product.name,
              product.category,
              product.unit,
              product.barcode,
            ],
          );
        }
      }
    },
  },
];
