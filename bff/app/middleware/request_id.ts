import { randomUUID } from 'node:crypto';
import type { Context, Next } from 'egg';
import { requestState } from '../lib/http/request_state.js';
import { header } from '../lib/http/header.js';
import { traceContextOf } from '../lib/http/traceparent.js';

const SAFE_REQUEST_ID = /^[\w.:-]{1,128}$/;

/** Take the caller's x-request-id when it is sane, else mint one; echo it on every response. */
export default function requestIdMiddleware() {
  return async function requestId(ctx: Context, next: Next): Promise<void> {
    const incoming = header(ctx, 'x-request-id');
    const id = SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    const state = requestState(ctx);
    state.requestId = id;
    state.trace = traceContextOf(header(ctx, 'traceparent') || undefined);
    ctx.set('x-request-id', id);
    await next();
  };
}
