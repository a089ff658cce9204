import type { Context } from 'egg';
import type { CacheTally } from '../cache/entity_cache.js';
import type { Session } from '../session/session_claims.js';
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
  /** Set while a cacheable GraphQL query runs: collects the tags its answer is built from. */
  tags?: TagRecorder;
  /** When this request's time budget ends (performance.now() ms); upstream calls stop there. */
  deadline?: number;
  /** Where the GraphQL answer came from (hit, miss, bypass), for the access log. */
  responseCache?: 'hit' | 'miss' | 'bypass';
  /** Tags the request's writes touched, retired before its answer is sent. */
  touched?: Set<string>;
}

/** Collects the tags one answer read, each with the version it had when first read. */
export interface TagRecorder {
  add(tag: string): void;
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
  state.cache ??= {
    hits: 0,
    misses: 0,
    onRead(type, ids) {
      const recorder = state.tags;
      if (recorder) for (const id of ids) recorder.add(`${type}:${id}`);
    },
  };
  return state.cache;
}
