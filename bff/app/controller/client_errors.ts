import { Controller } from 'egg';
import { z } from 'zod';
import { BffError, ErrorCode } from '../lib/http/errors.js';
import { createRateLimiter } from '../lib/rate_limit/rate_limit.js';
import { requestIdOf } from '../lib/http/request_state.js';
import { services } from '../lib/services.js';

/** What the shell reports when an app fails in the browser. */
const ClientErrorBody = z.object({
  /** Where it failed: fetching assets, mounting, or later while running. */
  kind: z.enum(['load', 'mount', 'runtime', 'render', 'unhandled']),
  app: z.string().max(64).optional(),
  appVersion: z.string().max(64).optional(),
  code: z.string().max(64).optional(),
  message: z.string().min(1).max(2000),
  stack: z.string().max(8000).optional(),
  /** Request id of the failed request behind the error, when there was one. */
  requestId: z.string().max(128).optional(),
  /** Page the user was on; the query string is dropped before logging. */
  url: z.string().max(2000).optional(),
});

/**
 * 20 reports a minute per session (or per IP before sign-in): enough to see, not to flood. Per
 * process on purpose: this guards the log's volume, not an account, so N instances allowing N×20
 * costs log lines, not security, and a Redis round trip per report would buy nothing.
 */
const limiter = createRateLimiter({ limit: 20, windowMs: 60_000 });

/** Tokens never reach the log, even when an error message carries one. */
function redact(text: string | undefined): string | undefined {
  return text
    ?.replace(/Bearer\s+[\w.~+/=-]+/gi, 'Bearer [redacted]')
    .replace(/eyJ[\w-]+\.[\w-]+\.[\w-]+/g, '[redacted-jwt]')
    .replace(/((?:token|password|secret)["']?\s*[:=]\s*["']?)[^\s"'&,]+/gi, '$1[redacted]');
}

function pathOnly(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url, 'http://x').pathname;
  } catch {
    return undefined;
  }
}

/** POST /api/client-errors: browser failures, logged as one line with both request ids. */
export default class ClientErrorsController extends Controller {
  async create(): Promise<void> {
    const { ctx } = this;
    const session = await services(ctx)
      .session.read(ctx)
      .catch(() => null);
    const verdict = limiter.hit(
      session ? `s:${session.tenantId}/${session.userId}` : `ip:${ctx.ip}`,
    );
    if (!verdict.allowed) {
      ctx.set('retry-after', String(verdict.retryAfterSeconds));
      throw new BffError(
        ErrorCode.RATE_LIMITED,
        `too many error reports: wait ${verdict.retryAfterSeconds} s before sending more`,
      );
    }
    const body = ClientErrorBody.safeParse(ctx.request.body);
    if (!body.success) {
      const fields = [...new Set(body.error.issues.map((i) => i.path.join('.') || 'body'))];
      throw new BffError(
        ErrorCode.BAD_REQUEST,
        `a client error report is JSON {kind, message, app?, appVersion?, code?, stack?, requestId?, url?}; check: ${fields.join(', ')}`,
      );
    }
    const report = body.data;
    ctx.logger.warn(
      '[client-error] %s',
      JSON.stringify({
        requestId: requestIdOf(ctx),
        failedRequestId: report.requestId,
        tenant: session?.tenantId,
        user: session?.username,
        kind: report.kind,
        app: report.app,
        appVersion: report.appVersion,
        code: report.code,
        path: pathOnly(report.url),
        message: redact(report.message),
        stack: redact(report.stack)?.split('\n').slice(0, 8).join(' | '),
      }),
    );
    // A canary that fails to load or mount counts towards its suspension (see service/canary.ts).
    if (
      session &&
      report.app &&
      report.appVersion &&
      (report.kind === 'load' || report.kind === 'mount')
    ) {
      await services(ctx).canary.reportFailure({
        app: report.app,
        version: report.appVersion,
        tenant: session.tenantId,
        user: session.username,
        kind: report.kind,
      });
    }
    ctx.status = 204;
  }
}
