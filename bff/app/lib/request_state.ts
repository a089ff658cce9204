import type { Context } from 'egg';
import type { CacheTally } from './cache/entity_cache.js';
import type { Session } from './session_claims.js';
import type { TraceContext } from './traceparent.js';

/** What the BFF's middleware keeps about one request, typed, on `ctx.state`. */
export interface RequestState {
  requestId: string;
  /** The W3C trace of this request (the caller's `traceparent`, or a new one). */
  trace?: TraceContext;
  /** Set once the session token has been verified. */
  session?: Session;
  /** GraphQL operation name, for the access log and metrics. */
  operationName?: string;
  /** Upstream calls made for this request (for the access log). */
  upstreamCalls?: number;
  /** Entity cache hits and misses of this request (for the access log). */
  cache?: CacheTally;
}

export function requestState(ctx: Context): RequestState {
  return ctx.state as RequestState;
}

export function requestIdOf(ctx: Context): string {
  return requestState(ctx).requestId;
}

/** This request's cache tally, created on first use. */
export function cacheTallyOf(ctx: Context): CacheTally {
  const state = requestState(ctx);
  state.cache ??= { hits: 0, misses: 0 };
  return state.cache;
}
