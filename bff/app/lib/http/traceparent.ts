import { randomBytes } from 'node:crypto';

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

// Trace and span ids come from a pool of random bytes refilled 4 KiB at a time: one getrandom
// call per ~300 ids rather than one per upstream call (ids are not secrets, only unique).
let pool = Buffer.alloc(0);
let used = 0;
function randomHex(bytes: number): string {
  if (used + bytes > pool.length) {
    pool = randomBytes(4096);
    used = 0;
  }
  const hex = pool.toString('hex', used, used + bytes);
  used += bytes;
  return hex;
}

/** The W3C trace this request belongs to: the caller's, or a new sampled one. */
export interface TraceContext {
  traceId: string;
  flags: string;
}

/** Read the caller's `traceparent`, or start a new trace when it is missing or invalid. */
export function traceContextOf(incoming: string | undefined): TraceContext {
  const match = incoming ? TRACEPARENT.exec(incoming.trim().toLowerCase()) : null;
  const traceId = match?.[1] && !/^0+$/.test(match[1]) ? match[1] : randomHex(16);
  return { traceId, flags: match?.[3] ?? '01' };
}

/**
 * W3C trace context for an upstream call: the request's trace id (so browser, BFF and services
 * share one trace) with a fresh span id.
 */
export function childTraceparent(trace: TraceContext): string {
  return `00-${trace.traceId}-${randomHex(8)}-${trace.flags}`;
}
