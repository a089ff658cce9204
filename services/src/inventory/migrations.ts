import { idempotencyKeysTable } from '../shared/idempotency-repository.js';
import type { Migration } from '../shared/run-migrations.js';
import { seedDemoInventory } from './seed-demo-inventory.js';

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
    name: '002-movements-and-reservations',
    up: `
      ALTER TABLE stock_levels ADD COLUMN reserved integer NOT NULL DEFAULT 0;
      ALTER TABLE stock_levels ADD CONSTRAINT stock_reserved_range
        CHECK (reserved >= 0 AND reserved <= on_hand);
      CREATE TABLE movements (
        tenant_id text NOT NULL,
        id bigint GENERATED ALWAYS AS IDENTITY,
        product_id uuid NOT NULL,
        warehouse_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('receipt', 'sale', 'adjustment', 'transfer')),
        quantity integer NOT NULL CHECK (quantity <> 0),
        on_hand_after integer NOT NULL,
        actor text NOT NULL,
        reason text NOT NULL,
        reference text,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, warehouse_id) REFERENCES warehouses (tenant_id, id)
      );
      CREATE INDEX movements_by_product ON movements (tenant_id, product_id, id);
      CREATE TABLE reservations (
        tenant_id text NOT NULL,
        id uuid NOT NULL,
        reference text,
        status text NOT NULL
          CHECK (status IN ('pending', 'committed', 'released', 'expired', 'returned')),
        actor text NOT NULL,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id)
      );
      CREATE INDEX reservations_due ON reservations (expires_at) WHERE status = 'pending';
      CREATE TABLE reservation_lines (
        tenant_id text NOT NULL,
        reservation_id uuid NOT NULL,
        product_id uuid NOT NULL,
        warehouse_id uuid NOT NULL,
        quantity integer NOT NULL CHECK (quantity > 0),
        PRIMARY KEY (tenant_id, reservation_id, product_id, warehouse_id),
        FOREIGN KEY (tenant_id, reservation_id) REFERENCES reservations (tenant_id, id)
      );
    `,
  },
  // An adjustment or transfer retried with its key answers what its first try did.
  { name: '003-idempotency-keys', up: idempotencyKeysTable },
  { name: '900-demo-data', up: seedDemoInventory },
];
