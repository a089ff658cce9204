import type { Migration } from '../shared/run-migrations.js';
import { DEMO_TENANTS } from '../shared/demo-data.js';
import { productIdFor, warehouseIdFor } from '../shared/ids.js';

/** The inventory schema, then the demo seed as a data migration so it runs on first start only. */
export const inventoryMigrations: Migration[] = [
  {
    name: '001-warehouses-and-stock',
    up: `
      CREATE TABLE warehouses (
        tenant_id text NOT NULL,
        id uuid NOT NULL,
        code text NOT NULL,
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, code)
      );
      CREATE TABLE stock_levels (
        tenant_id text NOT NULL,
        warehouse_id uuid NOT NULL,
        product_id uuid NOT NULL,
        on_hand integer NOT NULL DEFAULT 0 CHECK (on_hand >= 0),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, product_id, warehouse_id),
        FOREIGN KEY (tenant_id, warehouse_id) REFERENCES warehouses (tenant_id, id)
      );
    `,
  },
  {
    name: '900-demo-data',
    async up(tx) {
      for (const tenant of DEMO_TENANTS) {
        for (const warehouse of tenant.warehouses) {
          await tx.query(
            `INSERT INTO warehouses (tenant_id, id, code, name) VALUES ($1, $2, $3, $4)
             ON CONFLICT DO NOTHING`,
            [tenant.id, warehouseIdFor(tenant.id, warehouse.code), warehouse.code, warehouse.name],
          );
        }
        for (const product of tenant.products) {
          for (const [code, onHand] of Object.entries(product.stock)) {
            await tx.query(
              `INSERT INTO stock_levels (tenant_id, warehouse_id, product_id, on_hand)
               VALUES ($1, $2, $3, $4)
               ON CONFLICT DO NOTHING`,
              [
                tenant.id,
                warehouseIdFor(tenant.id, code),
                productIdFor(tenant.id, product.sku),
                onHand,
              ],
            );
          }
        }
      }
    },
  },
];
