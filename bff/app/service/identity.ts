import { Service } from 'egg';
import { z } from 'zod';
import { BffError, ErrorCode } from '../lib/http/errors.js';
import { upstreamFor } from '../lib/upstream/upstream_for.js';

const UserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.string()),
});
const TenantSchema = z.object({ id: z.string(), name: z.string() });
const VerifiedSchema = z.object({
  user: UserSchema,
  tenant: TenantSchema,
  apps: z.array(z.string()),
});
const RoleGrantsSchema = z.object({ name: z.string(), apps: z.array(z.string()) });
const RolesSchema = z.object({ items: z.array(RoleGrantsSchema) });
const GrantedRolesSchema = z.object({ app: z.string(), roles: z.array(z.string()) });

/** One role and the apps it may open in a tenant (`*`: every app). */
export type RoleGrants = z.infer<typeof RoleGrantsSchema>;

/** A user as the rest of the BFF sees it (never with a password hash). */
export type IdentityUser = z.infer<typeof UserSchema>;
export type IdentityTenant = z.infer<typeof TenantSchema>;

export interface IdentityRecord {
  user: IdentityUser;
  tenant: IdentityTenant;
}

/** What `GET /api/session` says of a signed-in user: the user and the tenant, nothing more. */
export function identityAnswer(record: IdentityRecord): IdentityRecord {
  return { user: record.user, tenant: record.tenant };
}

/** The identity service: sign-in, users, tenants and which apps each role may open. */
export default class IdentityService extends Service {
  /** The user when tenant, username and password all match, else null. */
  async verifyCredentials(
    tenantId: string,
    username: string,
    password: string,
  ): Promise<IdentityRecord | null> {
    const client = upstreamFor(this.ctx, 'identity', tenantId);
    try {
      const { user, tenant } = await client.post(
        '/sessions/verify',
        { tenant: tenantId, username, password },
        VerifiedSchema,
      );
      return { user, tenant };
    } catch (err) {
      // A malformed tenant slug is just another wrong credential to the person signing in.
      if (
        err instanceof BffError &&
        (err.code === ErrorCode.INVALID_CREDENTIALS || err.code === ErrorCode.BAD_USER_INPUT)
      ) {
        return null;
      }
      throw err;
    }
  }

  /** The user with this id in this tenant, or null (user and tenant are cached). */
  async findUser(tenantId: string, userId: string): Promise<IdentityRecord | null> {
    const client = upstreamFor(this.ctx, 'identity', tenantId);
    const { cache } = this.app.mosaicRuntime;
    const [users, tenants] = await Promise.all([
      cache.getMany('user', tenantId, [userId], async ([id = '']) => {
        try {
          return new Map([[id, await client.get(`/users/${encodeURIComponent(id)}`, UserSchema)]]);
        } catch (err) {
          if (err instanceof BffError && err.code === ErrorCode.NOT_FOUND) return new Map();
          throw err;
        }
      }),
      cache.getMany(
        'tenant',
        tenantId,
        [tenantId],
        async () => new Map([[tenantId, await client.get('/tenant', TenantSchema)]]),
      ),
    ]);
    const user = users.get(userId);
    const tenant = tenants.get(tenantId);
    return user && tenant ? { user, tenant } : null;
  }

  /** Every role of the tenant and the apps it may open (cached until a grant changes). */
  async rolesOf(tenantId: string): Promise<RoleGrants[]> {
    const client = upstreamFor(this.ctx, 'identity', tenantId);
    const found = await this.app.mosaicRuntime.cache.getMany(
      'roles',
      tenantId,
      ['all'],
      async () => new Map([['all', (await client.get('/roles', RolesSchema)).items]]),
    );
    return found.get('all') ?? [];
  }

  /** The sub-apps any of these roles may open in the tenant (`*`: every app). */
  async appsForRoles(tenantId: string, roles: readonly string[]): Promise<Set<string>> {
    const allowed = new Set<string>();
    for (const role of await this.rolesOf(tenantId)) {
      if (roles.includes(role.name)) for (const app of role.apps) allowed.add(app);
    }
    return allowed;
  }

  /**
   * Grant (`open`) or revoke `app` for `role` in the tenant, then drop the cached grants on
   * every instance, so the role's next `/api/apps` already answers the change.
   */
  async setGrant(tenantId: string, role: string, app: string, open: boolean): Promise<RoleGrants> {
    const client = upstreamFor(this.ctx, 'identity', tenantId);
    const path = `/roles/${encodeURIComponent(role)}/apps/${encodeURIComponent(app)}`;
    try {
      return open
        ? await client.put(path, RoleGrantsSchema)
        : await client.delete(path, RoleGrantsSchema);
    } finally {
      await this.app.mosaicRuntime.cache.invalidate('roles', tenantId, ['all']);
    }
  }

  /** The roles granted `app` in at least one tenant (for the publish warning). */
  async rolesGrantedAnywhere(app: string): Promise<string[]> {
    const client = upstreamFor(this.ctx, 'identity', 'global');
    const found = await client.get(
      `/apps/${encodeURIComponent(app)}/granted-roles`,
      GrantedRolesSchema,
    );
    return found.roles;
  }
}
