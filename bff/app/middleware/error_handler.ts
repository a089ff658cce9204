import type { Context, Next } from 'egg';
import { BffError, ErrorCode } from '../lib/http/errors.js';
import { mosaicConfig } from '../lib/mosaic_config.js';
import { requestIdOf } from '../lib/http/request_state.js';

interface HttpLikeError {
  status?: unknown;
  expose?: unknown;
  message?: unknown;
}

const codeByStatus: Record<number, ErrorCode> = {
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  405: ErrorCode.METHOD_NOT_ALLOWED,
  415: ErrorCode.UNSUPPORTED_MEDIA_TYPE,
};

/** Map anything thrown to a BffError: ours as is, http-errors (bodyParser, router) by status. */
function toBffError(err: unknown, exposeInternal: boolean): BffError {
  if (err instanceof BffError) return err;
  const httpError = (typeof err === 'object' && err !== null ? err : {}) as HttpLikeError;
  const status = typeof httpError.status === 'number' ? httpError.status : 500;
  const message = typeof httpError.message === 'string' ? httpError.message : String(err);
  if (status >= 400 && status < 500) {
    return new BffError(codeByStatus[status] ?? ErrorCode.BAD_REQUEST, message, { cause: err });
  }
  return new BffError(
    ErrorCode.INTERNAL_SERVER_ERROR,
    exposeInternal ? message : 'Unexpected server error; the request id links to the log line.',
    { cause: err },
  );
}

/**
 * The one error middleware: every failure becomes `{error: {code, message, requestId}}` with the
 * status of its code; only 5xx are logged (4xx are the client's business, and bodies that may
 * carry passwords or tokens are never logged). Unmatched routes become 404 NOT_FOUND.
 */
export default function errorHandlerMiddleware() {
  return async function errorHandler(ctx: Context, next: Next): Promise<void> {
    try {
      await next();
      if (ctx.status === 404 && ctx.body == null) {
        throw new BffError(ErrorCode.NOT_FOUND, `no route for ${ctx.method} ${ctx.path}`);
      }
    } catch (err) {
      const error = toBffError(err, mosaicConfig(ctx.app).exposeInternalErrors);
      if (error.status >= 500) {
        ctx.logger.error(
          '[bff] %s %s -> %d %s (requestId %s): %s',
          ctx.method,
          ctx.path,
          error.status,
          error.code,
          requestIdOf(ctx),
          // Our own errors explain themselves; anything else needs its stack.
          err instanceof BffError
            ? err.message
            : err instanceof Error
              ? (err.stack ?? err.message)
              : String(err),
        );
      }
      ctx.status = error.status;
      ctx.set('cache-control', 'no-store');
      ctx.body = {
        error: { code: error.code, message: error.message, requestId: requestIdOf(ctx) },
      };
    }
  };
}
