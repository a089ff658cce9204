import type { Context, Next } from 'egg';
import { mosaicConfig } from '../lib/mosaic_config.js';
import { requestState } from '../lib/http/request_state.js';

let pending: string[] = [];

/**
 * Lines are written after the responses they describe, many per write: stdout to a pipe is a
 * synchronous write on Linux, which would otherwise sit on every request's critical path.
 */
export function writeAccessLine(line: string): void {
  if (pending.length === 0) setImmediate(flush);
  pending.push(line);
}

function flush(): void {
  const lines = pending;
  pending = [];
  process.stdout.write(`${lines.join('\n')}\n`);
}

/**
 * One JSON line per request on stdout: request id, trace id, tenant, user, GraphQL operation,
 * status, duration, upstream calls and cache hits. Never bodies, tokens or query strings.
 */
export default function accessLogMiddleware() {
  return async function accessLog(ctx: Context, next: Next): Promise<void> {
    const started = performance.now();
    try {
      await next();
    } finally {
      if (mosaicConfig(ctx.app).accessLog) {
        const state = requestState(ctx);
        const line = {
          time: new Date().toISOString(),
          service: 'bff',
          requestId: state.requestId,
          traceId: state.trace?.traceId,
          tenant: state.session?.tenantId,
          user: state.session?.username,
          method: ctx.method,
          path: ctx.path,
          operation: state.operationName,
          status: ctx.status,
          ms: Math.round((performance.now() - started) * 10) / 10,
          upstreamCalls: state.upstreamCalls ?? 0,
          cacheHits: state.cache?.hits ?? 0,
          cacheMisses: state.cache?.misses ?? 0,
          responseCache: state.responseCache,
        };
        writeAccessLine(JSON.stringify(line));
      }
    }
  };
}
