import type { Migration } from '../shared/run-migrations.js';
import { DEMO_PASSWORD, DEMO_TENANTS } from '../shared/demo-data.js';
import { deterministicUuid } from '../shared/ids.js';
import { hashPassword } from './password.js';
import { ROLE_APPS, ROLES } from './roles.js';

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
  {
    // After the demo tenants (name order), so every tenant there is starts with the default
    // grants of @mosaic/contracts: demo users keep exactly the apps they had.
    name: '901-role-grants',
    async up(tx) {
      await tx.exec(`
        CREATE TABLE role_apps (
          tenant_id text NOT NULL REFERENCES tenants (id),
          role text NOT NULL,
          app text NOT NULL,
          granted_at timestamptz NOT NULL DEFAULT now(),
          PRIMARY KEY (tenant_id, role, app)
        );
        CREATE INDEX role_apps_app ON role_apps (app);
      `);
      for (const role of ROLES) {
        for (const app of ROLE_APPS[role]) {
          await tx.query(
            `INSERT INTO role_apps (tenant_id, role, app) SELECT id, $1, $2 FROM tenants
             ON CONFLICT DO NOTHING`,
            [role, app],
          );
        }
      }
    },
  },
];
