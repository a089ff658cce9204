import type { Cluster, Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { StoreState } from './cache/store_state.js';

/** Options of {@link createSignInLimiter}. */
export interface SignInLimiterOptions {
  /** Attempts allowed per key within one window. */
  points: number;
  /** Window length in seconds (fixed: later attempts do not extend it). */
  durationSeconds: number;
  /** Keys are `<keyPrefix>:<key>` in Redis. */
  keyPrefix: string;
  /** Shared Redis; null counts in this process only. */
  redis: Redis | Cluster | null;
  /**
   * Told each time Redis fails (`down`) or answers (`up`); it reports only the changes. Limiters
   * of one feature share one, so an outage is logged once, not once per limiter.
   */
  outage: StoreState;
}

/** One limit, with every method safe to call while Redis is away. */
export interface SignInLimiter {
  /** Takes one point for `key`: `refusedForMs` is 0 when it was within the limit. */
  consume(key: string): Promise<{ refusedForMs: number }>;
  /** Gives one point back. */
  reward(key: string): Promise<void>;
  /** Forgets `key`. */
  delete(key: string): Promise<void>;
}

/**
 * A rate-limiter-flexible limit in Redis (one Lua script per hit: atomic, so concurrent attempts
 * all count), or in memory without Redis. While Redis does not answer, this process counts in
 * its own memory instead: never refusing everyone (fail closed) nor letting everyone through
 * (fail open); each process then allows `points` per window, as without Redis.
 */
export function createSignInLimiter(options: SignInLimiterOptions): SignInLimiter {
  const { points, durationSeconds, keyPrefix, redis, outage } = options;
  const local = new RateLimiterMemory({ points, duration: durationSeconds, keyPrefix });
  const shared: RateLimiterAbstract | undefined = redis
    ? new RateLimiterRedis({
        storeClient: redis,
        points,
        duration: durationSeconds,
        keyPrefix,
        // Fail over at once while the connection is down rather than wait for a timeout.
        rejectIfRedisNotReady: true,
      })
    : undefined;

  /** Run `command` on Redis, or on the local limiter when Redis fails. */
  async function run<T>(command: (limiter: RateLimiterAbstract) => Promise<T>): Promise<T> {
    if (!shared) return command(local);
    try {
      const answer = await command(shared);
      outage.up('rate-limit counters answer again');
      return answer;
    } catch (err) {
      if (err instanceof RateLimiterRes) {
        outage.up('rate-limit counters answer again');
        throw err;
      }
      outage.down(err instanceof Error ? err.message : String(err));
      return command(local);
    }
  }

  return {
    async consume(key) {
      try {
        await run((limiter) => limiter.consume(key));
        return { refusedForMs: 0 };
      } catch (err) {
        if (err instanceof RateLimiterRes) return { refusedForMs: Math.max(1, err.msBeforeNext) };
        throw err;
      }
    },
    async reward(key) {
      await run((limiter) => limiter.reward(key)).catch(() => undefined);
    },
    async delete(key) {
      if (shared) local.delete(key).catch(() => undefined);
      await run((limiter) => limiter.delete(key)).catch(() => undefined);
    },
  };
}
