import { isMosaicError } from '../shared/mosaic-error.js';

/**
 * Codes after which a write may have happened, or may still happen: the answer was lost, so
 * nobody can tell. `OUTCOME_UNKNOWN` is the BFF saying so; the others are the link failing.
 */
const UNCLEAR_CODES = new Set([
  'OUTCOME_UNKNOWN',
  'UPSTREAM_UNAVAILABLE',
  'UPSTREAM_TIMEOUT',
  'NETWORK_ERROR',
]);

/** Gateway statuses a load balancer answers with itself when the BFF died or hung mid-request. */
const UNCLEAR_STATUSES = new Set([502, 503, 504]);

/**
 * An idempotency key: 128 random bits as hex. `crypto.randomUUID` exists only on HTTPS, and a
 * shop may serve plain HTTP.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Whether a failed write's outcome is unknown (a network error, a 502/503/504, a timeout, or the
 * BFF's `OUTCOME_UNKNOWN`): trying again must send the same key, so it cannot write twice.
 */
export function isUnclearFailure(error: unknown): boolean {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return true;
  }
  if (!isMosaicError(error)) return false;
  return (
    UNCLEAR_CODES.has(error.code) ||
    (error.status !== undefined && UNCLEAR_STATUSES.has(error.status))
  );
}

/** The idempotency keys of one screen's writes; see {@link createAttemptKeys}. */
export interface AttemptKeys {
  /**
   * Runs `write` with the key of `attempt` (what identifies the write: an order id, the form's
   * input as JSON): the key kept from its last unclear failure, or a new one. The key is kept
   * when `write` fails unclearly and dropped once it got a clear answer, success or refusal.
   */
  send<T>(attempt: string, write: (key: string) => Promise<T>): Promise<T>;
}

/**
 * Keys for writes a user may retry: one per attempt, the same one again when the user retries
 * after an unclear failure (the BFF then answers the first try's real outcome instead of writing
 * twice), and a new one once an attempt got a clear answer. A changed request is another attempt.
 */
export function createAttemptKeys(): AttemptKeys {
  const pending = new Map<string, string>();
  return {
    async send(attempt, write) {
      const key = pending.get(attempt) ?? newIdempotencyKey();
      pending.set(attempt, key);
      try {
        const result = await write(key);
        pending.delete(attempt);
        return result;
      } catch (error) {
        if (!isUnclearFailure(error)) pending.delete(attempt);
        throw error;
      }
    },
  };
}
