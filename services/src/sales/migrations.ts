import type { Migration } from '../shared/run-migrations.js';
import { seedDemoOrders } from './seed-demo-orders.js';

/** The sales schema, then a few weeks of demo orders on first start only. */
export const salesMigrations: Migration[] = [
  {
    name: '001-orders',
    up: `
      CREATE TABLE order_counters (
        tenant_id text PRIMARY KEY,
        last integer NOT NULL
      );
      CREATE TABLE orders (
        tenant_id text NOT NULL,
        id uuid NOT NULL,
        seq integer NOT NULL,
        status text NOT NULL
          CHECK (status IN ('draft', 'confirming', 'confirmed', 'shipped', 'cancelled')),
        customer_id uuid,
        note text,
        created_by text NOT NULL,
        total_fen integer NOT NULL,
        reservation_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, seq)
      );
      CREATE INDEX orders_confirming ON orders (updated_at) WHERE status = 'confirming';
      CREATE TABLE order_lines (
        tenant_id text NOT NULL,
        order_id uuid NOT NULL,
        line_no integer NOT NULL,
        product_id uuid NOT NULL,
        sku text NOT NULL,
        name text NOT NULL,
        unit text NOT NULL,
        quantity integer NOT NULL CHECK (quantity > 0),
        unit_price_fen integer NOT NULL,
        discount_fen integer NOT NULL DEFAULT 0,
        total_fen integer NOT NULL,
        promotion text,
        PRIMARY KEY (tenant_id, order_id, line_no),
        FOREIGN KEY (tenant_id, order_id) REFERENCES orders (tenant_id, id)
      );
    `,
  },
  {
    // The day's figures on the owner's dashboard read orders by creation time.
    name: '002-orders-by-created-at',
    up: 'CREATE INDEX orders_tenant_created_at ON orders (tenant_id, created_at)',
  },
  {
    // A retried write answers what its first try did (see idempotency-repository.ts); an order
    // placed by a shop checkout is never a draft, so a checkout that takes no stock is cancelled.
    name: '003-idempotency-keys',
    up: `
      CREATE TABLE idempotency_keys (
        tenant_id text NOT NULL,
        key text NOT NULL,
        request text NOT NULL,
        order_id uuid,
        status integer,
        body jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, key)
      );
      ALTER TABLE orders ADD COLUMN channel text NOT NULL DEFAULT 'desk'
        CHECK (channel IN ('desk', 'shop'));
    `,
  },
  { name: '900-demo-data', up: seedDemoOrders },
];
