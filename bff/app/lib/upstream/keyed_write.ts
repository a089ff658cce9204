import { BrokenCircuitError } from 'cockatiel';
import type { z } from 'zod';
import { BffError, ErrorCode } from '../http/errors.js';
import type { UpstreamClient } from './upstream_client.js';
import { BUDGET_SPENT } from './upstream_policy.js';

/**
 * Whether a failed write may still be running or done in the service: its answer was lost
 * (timeout, connection cut). A 5xx answer means the service finished; an open circuit never sent.
 */
export function mayHaveArrived(error: BffError): boolean {
  return (
    error.cause !== undefined &&
    error.cause !== BUDGET_SPENT &&
    !(error.cause instanceof BrokenCircuitError)
  );
}

/** Rethrows anything but an upstream outage of a write, which may have taken effect. */
export function requireOutage(error: unknown): BffError {
  if (
    error instanceof BffError &&
    (error.code === ErrorCode.UPSTREAM_UNAVAILABLE || error.code === ErrorCode.UPSTREAM_TIMEOUT)
  ) {
    return error;
  }
  throw error;
}

/** The key a client may send with a write (a GraphQL `idempotencyKey` argument). */
export interface KeyedWrite {
  /**
   * Sent again with a retry of the same write, so the service answers what the first try did
   * instead of writing twice.
   * @default a new UUID (so the BFF's own resend after a lost answer is safe)
   */
  idempotencyKey?: string | null;
}

/** What {@link postKeyed} sends. */
export interface KeyedPost<T> {
  path: string;
  /** The write's JSON body; `idempotencyKey` is added to it. */
  body: Record<string, unknown>;
  /** The write's idempotency key: the client's, or one the BFF made for this request. */
  key: string;
  schema: z.ZodType<T>;
  /** What the write does, for the error when its outcome stays unknown: 'Adjusting stock'. */
  action: string;
}

/**
 * POSTs a keyed write. Writes are never retried by the upstream client, but a keyed one may be:
 * the service runs a key at most once and answers a retry with the first try's outcome. So when
 * the answer is lost (unreachable, 502/503/504, timeout) the same write is sent once more; when
 * that is lost too and the first try may have arrived, the error is OUTCOME_UNKNOWN, and sending
 * the same key again later stays safe.
 */
export async function postKeyed<T>(client: UpstreamClient, write: KeyedPost<T>): Promise<T> {
  const body = { ...write.body, idempotencyKey: write.key };
  let first: BffError;
  try {
    return await client.post(write.path, body, write.schema);
  } catch (err) {
    first = requireOutage(err);
  }
  try {
    return await client.post(write.path, body, write.schema);
  } catch (err) {
    const again = requireOutage(err);
    if (!mayHaveArrived(first) && !mayHaveArrived(again)) throw again;
    throw new BffError(
      ErrorCode.OUTCOME_UNKNOWN,
      `${write.action} was sent but its answer was lost: send it again with the same idempotencyKey, which never writes twice`,
      { cause: again },
    );
  }
}
