import {
  BrokenCircuitError,
  ConsecutiveBreaker,
  ExponentialBackoff,
  circuitBreaker,
  handleWhen,
  retry,
} from 'cockatiel';
import type { CircuitBreakerPolicy, RetryPolicy } from 'cockatiel';
import { BffError, ErrorCode } from '../http/errors.js';

/** Options of createUpstreamPolicy. */
export interface UpstreamPolicyOptions {
  /** Consecutive failures that open the circuit. @default 5 */
  failuresToOpen?: number;
  /** How long an open circuit fails fast before one trial call. @default 5000 */
  halfOpenAfterMs?: number;
  /** Extra attempts for idempotent reads. @default 2 */
  readRetries?: number;
}

/** How one service is called: a circuit breaker for every call, retries for reads only. */
export interface UpstreamPolicy {
  breaker: CircuitBreakerPolicy;
  readRetry: RetryPolicy;
}

/** The cause of a call never made because the request's time budget was spent: not an outage. */
export const BUDGET_SPENT = 'request time budget spent';

/**
 * Only "the service is down or hangs" (unreachable, 502/503/504, no answer in time) counts
 * against a service and is retried; its 4xx and 500 answers are about the request, not the
 * service, and a caller's spent budget is about the caller.
 */
const isOutage = (err: unknown): boolean =>
  err instanceof BffError &&
  (err.code === ErrorCode.UPSTREAM_UNAVAILABLE || err.code === ErrorCode.UPSTREAM_TIMEOUT) &&
  err.cause !== BUDGET_SPENT;

export function createUpstreamPolicy(options: UpstreamPolicyOptions = {}): UpstreamPolicy {
  const { failuresToOpen = 5, halfOpenAfterMs = 5000, readRetries = 2 } = options;
  return {
    breaker: circuitBreaker(handleWhen(isOutage), {
      halfOpenAfter: halfOpenAfterMs,
      breaker: new ConsecutiveBreaker(failuresToOpen),
    }),
    readRetry: retry(handleWhen(isOutage), {
      maxAttempts: readRetries,
      backoff: new ExponentialBackoff({ initialDelay: 50, maxDelay: 400 }),
    }),
  };
}

/** Run one call through the policy: retried when idempotent, failing fast when the circuit is open. */
export async function runWithPolicy<T>(
  policy: UpstreamPolicy,
  service: string,
  idempotent: boolean,
  call: () => Promise<T>,
): Promise<T> {
  const guarded = (): Promise<T> => policy.breaker.execute(call);
  try {
    return await (idempotent ? policy.readRetry.execute(guarded) : guarded());
  } catch (err) {
    if (err instanceof BrokenCircuitError) {
      throw new BffError(
        ErrorCode.UPSTREAM_UNAVAILABLE,
        `${service} service is failing; calls are paused for a few seconds (circuit open)`,
        { cause: err },
      );
    }
    throw err;
  }
}
