import type { Context, Next } from 'egg';
import { BffError, ErrorCode } from '../lib/http/errors.js';
import { header } from '../lib/http/header.js';

const API_PATHS = /^\/(?:api|graphql)(?:\/|$)/;
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * CSRF defence for /api and /graphql (Egg's token CSRF is off there, see config.default.ts):
 * a request with a body must be `application/json`, which a cross-site form or a "simple"
 * cross-site fetch cannot send; and a write that relies on the cookie (no Bearer token) must come
 * from this very origin, not merely this site: SameSite=Lax lets a sibling origin
 * (`evil.example.com` next to `shop.example.com`, another port on localhost) send the cookie.
 */
export default function requireJsonMiddleware() {
  return async function requireJson(ctx: Context, next: Next): Promise<void> {
    if (!BODY_METHODS.has(ctx.method) || !API_PATHS.test(ctx.path)) return next();
    const usesCookie = !/^Bearer\s/i.test(header(ctx, 'authorization'));
    if (usesCookie && isCrossSite(ctx)) {
      throw new BffError(
        ErrorCode.CSRF_REJECTED,
        `${ctx.method} ${ctx.path} came from another origin (${header(ctx, 'origin') || `Sec-Fetch-Site: ${header(ctx, 'sec-fetch-site')}`}) with the session cookie: call it from ${ctx.protocol}://${ctx.host} itself, or use a Bearer token`,
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

/**
 * Whether the write did not come from the BFF's own origin. A browser's `Sec-Fetch-Site` is
 * authoritative (a page cannot set it) and must be `same-origin`; without it, `Origin` must be
 * exactly `<protocol>://<host>` as this request reached us (through trusted proxies, the
 * forwarded ones). A client that sends neither is no browser, and no victim of CSRF.
 */
function isCrossSite(ctx: Context): boolean {
  const site = header(ctx, 'sec-fetch-site');
  if (site) return site !== 'same-origin';
  const origin = header(ctx, 'origin');
  if (!origin) return false;
  return origin !== `${ctx.protocol}://${ctx.host}`;
}
