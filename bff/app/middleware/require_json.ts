import type { Context, Next } from 'egg';
import { BffError, ErrorCode } from '../lib/errors.js';
import { header } from '../lib/header.js';

const API_PATHS = /^\/(?:api|graphql)(?:\/|$)/;
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/**
 * CSRF defence for /api and /graphql (Egg's token CSRF is off there, see config.default.ts):
 * a request with a body must be `application/json`, which a cross-site form or a "simple"
 * cross-site fetch cannot send.
 */
export default function requireJsonMiddleware() {
  return async function requireJson(ctx: Context, next: Next): Promise<void> {
    if (BODY_METHODS.has(ctx.method) && API_PATHS.test(ctx.path) && !ctx.is('application/json')) {
      throw new BffError(
        ErrorCode.UNSUPPORTED_MEDIA_TYPE,
        `${ctx.method} ${ctx.path} needs 'content-type: application/json' (got '${header(ctx, 'content-type') || 'none'}')`,
      );
    }
    await next();
  };
}
