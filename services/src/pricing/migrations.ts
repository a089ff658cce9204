import type { Migration } from '../shared/run-migrations.js';
import { seedDemoPricing } from './seed-demo-pricing.js';

/** The pricing schema, then the demo price lists and promotions on first start only. */
export const pricingMigrations: Migration[] = [
  {
    name: '001-price-lists-and-promotions',
    up: `
      CREATE TABLE price_lists (
        tenant_id text NOT NULL,
        id uuid NOT NULL,
        name text NOT NULL,
        member_levels text[] NOT NULL DEFAULT '{}',
        priority integer NOT NULL DEFAULT 0,
        valid_from timestamptz,
        valid_to timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id)
      );
      CREATE TABLE price_list_items (
        tenant_id text NOT NULL,
        price_list_id uuid NOT NULL,
        product_id uuid NOT NULL,
        price_fen integer NOT NULL CHECK (price_fen >= 0),
        PRIMARY KEY (tenant_id, price_list_id, product_id),
        FOREIGN KEY (tenant_id, price_list_id) REFERENCES price_lists (tenant_id, id)
      );
      CREATE INDEX price_list_items_by_product ON price_list_items (tenant_id, product_id);
      CREATE TABLE promotions (
        tenant_id text NOT NULL,
        id uuid NOT NULL,
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('percent_off', 'fixed_price', 'buy_n')),
        product_ids uuid[] NOT NULL DEFAULT '{}',
        percent_off integer CHECK (percent_off BETWEEN 1 AND 99),
        fixed_price_fen integer CHECK (fixed_price_fen >= 0),
        buy integer CHECK (buy >= 1),
        free integer CHECK (free >= 1),
        valid_from timestamptz NOT NULL,
        valid_to timestamptz NOT NULL CHECK (valid_to > valid_from),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id)
      );
    `,
  },
  { name: '900-demo-data', up: seedDemoPricing },
];
