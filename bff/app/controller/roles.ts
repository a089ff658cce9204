import { ALL_APPS, ROLES, type RoleGrantList } from '@mosaic/contracts';
import { Controller } from 'egg';
import { BffError, ErrorCode } from '../lib/http/errors.js';
import { header } from '../lib/http/header.js';
import { publisherOfAuthorization } from '../lib/registry/publish_tokens.js';
import { services } from '../lib/services.js';

const TENANT = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** Who changes grants: the tenant's owner (session), or an operator (publish token + tenant). */
interface Grantor {
  tenantId: string;
  by: string;
}

/**
 * Roles as data: `GET /api/roles`, `PUT|DELETE /api/roles/:role/apps/:app`. The owner acts on
 * their own tenant with their session; an operator with a publish token names the tenant in
 * `?tenant=` (an operator has no user in the tenant, and a token that already may change what
 * every tenant runs is the right credential; owners' passwords are not shared with operators).
 */
export default class RolesController extends Controller {
  /** GET /api/roles: every role of the tenant with its apps, and the tenant's published apps. */
  async index(): Promise<void> {
    const { ctx } = this;
    const { tenantId } = await this.grantor();
    const { identity, appRegistry } = services(ctx);
    const [roles, apps] = await Promise.all([
      identity.rolesOf(tenantId),
      appRegistry.catalogue(tenantId),
    ]);
    const body: RoleGrantList = {
      roles,
      apps: apps.map(({ name, title, titles, roles: built }) => ({
        name,
        title,
        ...(titles && { titles }),
        roles: built,
      })),
    };
    ctx.set('cache-control', 'no-store');
    ctx.body = body;
  }

  /** PUT /api/roles/:role/apps/:app: the role may open the app (idempotent). */
  async grant(): Promise<void> {
    await this.change(true);
  }

  /** DELETE /api/roles/:role/apps/:app: the role may no longer open the app (idempotent). */
  async revoke(): Promise<void> {
    await this.change(false);
  }

  private async change(open: boolean): Promise<void> {
    const { ctx } = this;
    const { tenantId, by } = await this.grantor();
    const params = ctx.params as Record<string, unknown>;
    const role = String(params.role ?? '');
    const app = String(params.app ?? '');
    if (!(ROLES as readonly string[]).includes(role) || role === 'owner') {
      throw new BffError(
        ErrorCode.UNKNOWN_ROLE,
        role === 'owner'
          ? 'the owner role always opens every app and the settings: its grants cannot change'
          : `role ${JSON.stringify(role.slice(0, 64))} does not exist: use one of ${ROLES.filter((r) => r !== 'owner').join(', ')}`,
      );
    }
    const { identity, appRegistry } = services(ctx);
    const published = await appRegistry.catalogue(tenantId);
    if (app === ALL_APPS || !published.some((entry) => entry.name === app)) {
      throw new BffError(
        ErrorCode.UNKNOWN_APP,
        `app ${JSON.stringify(app.slice(0, 64))} is not in the registry: publish it first (GET /api/registry/apps lists the apps)`,
      );
    }
    const grants = await identity.setGrant(tenantId, role, app, open);
    this.app.logger.info(
      '[roles] %s %s %s %s in %s (request %s)',
      by,
      open ? 'granted' : 'revoked',
      app,
      role,
      tenantId,
      ctx.get('x-request-id'),
    );
    ctx.set('cache-control', 'no-store');
    ctx.body = grants;
  }

  private async grantor(): Promise<Grantor> {
    const { ctx } = this;
    const operator = publisherOfAuthorization(header(ctx, 'authorization'));
    if (operator) {
      const tenantId = String(ctx.query.tenant ?? '');
      if (!TENANT.test(tenantId)) {
        throw new BffError(
          ErrorCode.BAD_REQUEST,
          'with a publish token, name the tenant: ?tenant=<tenant id> (such as ?tenant=xiaomai)',
        );
      }
      return { tenantId, by: `publisher:${operator}` };
    }
    const session = await services(ctx).session.require();
    if (!session.roles.includes('owner')) {
      throw new BffError(
        ErrorCode.FORBIDDEN,
        "only the tenant's owner may see and change which role opens which app",
      );
    }
    return { tenantId: session.tenantId, by: `user:${session.userId}` };
  }
}
