import type { Context, Next } from 'egg';
import { BffError, ErrorCode } from '../lib/errors.js';
import { header } from '../lib/header.js';

const API_PATHS = /^\/(?:api|graphql)(?:\/|$)/;
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * CSRF defence for /api and /graphql (Egg's token CSRF is off there, see config.default.ts):
 * a request with a body must be `application/json`, which a cross-site form or a "simple"
 * cross-site fetch cannot send; and a request that relies on the cookie (no Bearer token) must
 * not come from another site (`Sec-Fetch-Site`, else `Origin` against `Host`).
 */
export default function requireJsonMiddleware() {
  return async function requireJson(ctx: Context, next: Next): Promise<void> {
    if (!BODY_METHODS.has(ctx.method) || !API_PATHS.test(ctx.path)) return next();
    const usesCookie = !/^Bearer\s/i.test(header(ctx, 'authorization'));
    if (usesCookie && isCrossSite(ctx)) {
      throw new BffError(
        ErrorCode.CSRF_REJECTED,
        `${ctx.method} ${ctx.path} came from another site with the session cookie: call it from the Mosaic origin, or use a Bearer token`,
      );
    }
    if (ctx.method !== 'DELETE' && !ctx.is('application/json')) {
      throw new BffError(
        ErrorCode.UNSUPPORTED_MEDIA_TYPE,
        `${ctx.method} ${ctx.path} needs 'content-type: application/json' (got '${header(ctx, 'content-type') || 'none'}')`,
      );
    }
    await next();
  };
}

function isCrossSite(ctx: Context): boolean {
  const site = header(ctx, 'sec-fetch-site');
  if (site) return site === 'cross-site';
  const origin = header(ctx, 'origin');
  if (!origin || origin === 'null') return origin === 'null';
  try {
    return new URL(origin).host !== ctx.host;
  } catch {
    return true;
  }
}
