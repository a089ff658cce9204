import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createService } from '../shared/create-service.js';
import { decodeCursor } from '../shared/cursor.js';
import type { Database } from '../shared/database.js';
import type { LogSink } from '../shared/log-line.js';
import { pageQuery, toPage, type Page } from '../shared/page.js';
import { operationContext, recordOperation } from '../shared/operation-log.js';
import { readerOf } from '../shared/use-writer-tracking.js';
import { parseInput } from '../shared/parse-input.js';
import { requireFound } from '../shared/require-found.js';
import { ServiceError } from '../shared/service-error.js';
import { hashPassword, verifyPassword } from './password.js';
import { createGrantRepository } from './grant-repository.js';
import { ROLES } from './roles.js';
import type { Tenant, User, VerifiedSession } from './user.js';
import { createUserRepository } from './user-repository.js';

const verifyBody = z.object({
  tenant: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'expected a tenant slug'),
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
});

const newUserBody = z.object({
  username: z
    .string()
    .regex(/^[a-z0-9][a-z0-9._-]{1,31}$/, 'expected 2-32 lowercase letters, digits, . _ -'),
  displayName: z.string().trim().min(1).max(64),
  password: z.string().min(8).max(256),
  roles: z.array(z.enum(ROLES)).min(1).max(ROLES.length),
});

const grantParams = z.object({
  role: z.enum(ROLES),
  app: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, "expected an app name such as 'shop'"),
});

/** The identity HTTP API: tenants, users, roles and sign-in verification for the BFF. */
export function createIdentityApp(db: Database, log?: LogSink): FastifyInstance {
  const app = createService({ name: 'identity', log });
  const users = createUserRepository(db);
  const grants = createGrantRepository(db);

  // The one route that takes its tenant from the body: the BFF signs people in before it knows
  // a tenant to put in x-tenant-id.
  app.post(
    '/sessions/verify',
    { config: { public: true } },
    async (request): Promise<VerifiedSession> => {
      const body = parseInput(verifyBody, request.body, 'body');
      request.tenantId ||= body.tenant;
      const [tenant, found] = await Promise.all([
        users.getTenant(body.tenant),
        users.findForSignIn(body.tenant, body.username),
      ]);
      const ok = await verifyPassword(body.password, found?.hash);
      if (!ok || !found || !tenant) {
        throw new ServiceError('INVALID_CREDENTIALS', 'wrong tenant, username or password');
      }
      const { hash: _hash, ...user } = found;
      const apps = new Set<string>();
      for (const role of await grants.list(tenant.id)) {
        if (user.roles.includes(role.name)) for (const name of role.apps) apps.add(name);
      }
      return { user, tenant, apps: [...apps].sort() };
    },
  );

  app.get('/tenant', async (request): Promise<Tenant> =>
    requireFound(
      await users.getTenant(request.tenantId),
      'tenant',
      request.tenantId,
      request.tenantId,
    ),
  );

  // Which role may open which app, in the caller's tenant (owner: `*`, every app).
  app.get('/roles', async (request) => ({ items: await grants.list(request.tenantId) }));

  // Grant and revoke, idempotent; the owner role is fixed (409). Whether `app` is published is
  // the registry's to say: the BFF checks that before it calls.
  app.put<{ Params: { role: string; app: string } }>('/roles/:role/apps/:app', async (request) => {
    const { role, app: name } = parseInput(grantParams, request.params, 'params');
    return grants.grant(request.tenantId, role, name);
  });
  app.delete<{ Params: { role: string; app: string } }>(
    '/roles/:role/apps/:app',
    async (request) => {
      const { role, app: name } = parseInput(grantParams, request.params, 'params');
      return grants.revoke(request.tenantId, role, name);
    },
  );

  // Across tenants, for the registry's publish warning: no tenant's grants are shown, only
  // which roles hold the app somewhere.
  app.get<{ Params: { app: string } }>(
    '/apps/:app/granted-roles',
    { config: { public: true } },
    async (request) => {
      const { app: name } = parseInput(grantParams.pick({ app: true }), request.params, 'params');
      return { app: name, roles: await grants.rolesGrantedAnywhere(name) };
    },
  );

  app.get('/users', async (request): Promise<Page<User>> => {
    const query = parseInput(pageQuery, request.query, 'query');
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    const rows = await createUserRepository(db.read(readerOf(request))).list(
      request.tenantId,
      query.limit + 1,
      after,
    );
    return toPage(rows, query.limit, (user) => user.username);
  });

  app.get<{ Params: { id: string } }>('/users/:id', async (request): Promise<User> =>
    requireFound(
      await users.get(request.tenantId, request.params.id),
      'user',
      request.params.id,
      request.tenantId,
    ),
  );

  app.post('/users', async (request, reply): Promise<User> => {
    const body = parseInput(newUserBody, request.body, 'body');
    const passwordHash = await hashPassword(body.password);
    const user = await db.transaction(async (tx) => {
      const created = await createUserRepository(tx).create(request.tenantId, {
        username: body.username,
        displayName: body.displayName,
        passwordHash,
        roles: body.roles,
      });
      // The password hash is never part of the log: `created` is the public user.
      await recordOperation(tx, operationContext(request), {
        operation: 'user.create',
        entityType: 'user',
        entityId: created.id,
        before: null,
        after: created,
      });
      return created;
    });
    reply.status(201);
    return user;
  });

  return app;
}
