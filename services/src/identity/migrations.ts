import type { Migration } from '../shared/run-migrations.js';
import { DEMO_PASSWORD, DEMO_TENANTS } from '../shared/demo-data.js';
import { deterministicUuid } from '../shared/ids.js';
import { hashPassword } from './password.js';

/** The identity schema, then the demo tenants and users (hashed) on first start only. */
export const identityMigrations: Migration[] = [
  {
    name: '001-tenants-and-users',
    up: `
      CREATE TABLE tenants (
        id text PRIMARY KEY,
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE users (
        tenant_id text NOT NULL REFERENCES tenants (id),
        id uuid NOT NULL,
        username text NOT NULL,
        display_name text NOT NULL,
        password_hash text NOT NULL,
        roles text[] NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, username)
      );
    `,
  },
  {
    name: '900-demo-data',
    async up(tx) {
      for (const tenant of DEMO_TENANTS) {
        await tx.query('INSERT INTO tenants (id, name) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
          tenant.id,
          tenant.name,
        ]);
        for (const user of tenant.users) {
          await tx.query(
            `INSERT INTO users (tenant_id, id, username, display_name, password_hash, roles)
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
            [
              tenant.id,
              deterministicUuid('user', tenant.id, user.username),
              user.username,
              user.displayName,
              await hashPassword(DEMO_PASSWORD),
              user.roles,
            ],
          );
        }
      }
    },
  },
];
