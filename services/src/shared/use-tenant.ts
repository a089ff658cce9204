import type { FastifyInstance } from 'fastify';
import { ServiceError } from './service-error.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The tenant this request acts for, from `x-tenant-id`; empty only on public routes. */
    tenantId: string;
  }
  interface FastifyContextConfig {
    /** Set on routes that need no tenant, such as `/healthz`. */
    public?: boolean;
  }
}

const TENANT_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** Requires `x-tenant-id` on every route not marked `config: { public: true }`. */
export function useTenant(app: FastifyInstance): void {
  app.decorateRequest('tenantId', '');
  app.addHook('onRequest', async (request) => {
    const header = request.headers['x-tenant-id'];
    const tenantId = (Array.isArray(header) ? header[0] : header)?.trim() ?? '';
    if (TENANT_PATTERN.test(tenantId)) {
      request.tenantId = tenantId;
      return;
    }
    if (request.routeOptions.config?.public) return;
    throw new ServiceError(
      'TENANT_REQUIRED',
      tenantId
        ? `x-tenant-id '${tenantId.slice(0, 64)}' is not a tenant slug (lowercase letters, digits, '-')`
        : 'missing x-tenant-id header: every call must say which tenant it acts for',
    );
  });
}
