import { bulkInsert } from '../shared/bulk-insert.js';
import { DEMO_TENANTS } from '../shared/demo-data.js';
import { deterministicUuid } from '../shared/ids.js';
import type { Migration } from '../shared/run-migrations.js';

/** The party schema, then the demo customers on first start only. */
export const partyMigrations: Migration[] = [
  {
    name: '001-customers',
    up: `
      CREATE TABLE customers (
        tenant_id text NOT NULL,
        id uuid NOT NULL,
        name text NOT NULL,
        phone text NOT NULL,
        address text,
        member_level text NOT NULL DEFAULT 'none'
          CHECK (member_level IN ('none', 'silver', 'gold', 'platinum')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, phone)
      );
      CREATE INDEX customers_by_name ON customers (tenant_id, name, id);
    `,
  },
  {
    name: '900-demo-data',
    async up(tx) {
      for (const tenant of DEMO_TENANTS) {
        await bulkInsert(
          tx,
          'customers',
          {
            tenant_id: 'text',
            id: 'uuid',
            name: 'text',
            phone: 'text',
            address: 'text',
            member_level: 'text',
          },
          tenant.customers.map((c) => [
            tenant.id,
            deterministicUuid('customer', tenant.id, c.code),
            c.name,
            c.phone,
            c.address,
            c.memberLevel,
          ]),
        );
      }
    },
  },
];
