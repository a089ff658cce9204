import type { Queryable } from '../shared/database.js';
import { ServiceError } from '../shared/service-error.js';
import { ALL_APPS, ROLES, type Role } from './roles.js';

/** One role and the apps it may open in one tenant (`*`: every app, the owner's). */
export interface RoleGrants {
  name: Role;
  apps: string[];
}

/**
 * Which role may open which app, per tenant (`role_apps`). The owner always opens every app:
 * the row `owner → *` is never changed, so no owner can lock the tenant out of its settings.
 */
export interface GrantRepository {
  /** Every role of the tenant with its apps, in ROLES order, apps sorted. */
  list(tenantId: string): Promise<RoleGrants[]>;
  /** Let `role` open `app` in the tenant (idempotent); the role's grants after. */
  grant(tenantId: string, role: Role, app: string): Promise<RoleGrants>;
  /** Stop `role` opening `app` in the tenant (idempotent); the role's grants after. */
  revoke(tenantId: string, role: Role, app: string): Promise<RoleGrants>;
  /** The roles granted `app` in at least one tenant (the owner always). */
  rolesGrantedAnywhere(app: string): Promise<Role[]>;
}

export function createGrantRepository(db: Queryable): GrantRepository {
  async function appsOf(tenantId: string, role: Role): Promise<string[]> {
    if (role === 'owner') return [ALL_APPS];
    const rows = await db.query<{ app: string }>(
      'SELECT app FROM role_apps WHERE tenant_id = $1 AND role = $2 ORDER BY app',
      [tenantId, role],
    );
    return rows.map((row) => row.app);
  }

  async function requireTenant(tenantId: string): Promise<void> {
    const rows = await db.query('SELECT 1 FROM tenants WHERE id = $1', [tenantId]);
    if (rows.length === 0) {
      throw new ServiceError('NOT_FOUND', `tenant '${tenantId}' does not exist`);
    }
  }

  function refuseOwner(role: Role): void {
    if (role === 'owner') {
      throw new ServiceError(
        'CONFLICT',
        'the owner role always opens every app (and the settings): its grants cannot be changed',
      );
    }
  }

  return {
    async list(tenantId) {
      await requireTenant(tenantId);
      const rows = await db.query<{ role: string; app: string }>(
        'SELECT role, app FROM role_apps WHERE tenant_id = $1 ORDER BY role, app',
        [tenantId],
      );
      return ROLES.map((name) => ({
        name,
        apps:
          name === 'owner'
            ? [ALL_APPS]
            : rows.filter((row) => row.role === name).map((row) => row.app),
      }));
    },
    async grant(tenantId, role, app) {
      refuseOwner(role);
      await requireTenant(tenantId);
      await db.query(
        `INSERT INTO role_apps (tenant_id, role, app) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
        [tenantId, role, app],
      );
      return { name: role, apps: await appsOf(tenantId, role) };
    },
    async revoke(tenantId, role, app) {
      refuseOwner(role);
      await requireTenant(tenantId);
      await db.query('DELETE FROM role_apps WHERE tenant_id = $1 AND role = $2 AND app = $3', [
        tenantId,
        role,
        app,
      ]);
      return { name: role, apps: await appsOf(tenantId, role) };
    },
    async rolesGrantedAnywhere(app) {
      const rows = await db.query<{ role: string }>(
        'SELECT DISTINCT role FROM role_apps WHERE app = $1 OR app = $2',
        [app, ALL_APPS],
      );
      const granted = new Set(rows.map((row) => row.role));
      return ROLES.filter((role) => role === 'owner' || granted.has(role));
    },
  };
}
