import type { Cluster, Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { StoreState } from '../cache/store_state.js';

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
 * all count), or in memory without Redis.
 *
 * With Redis, this process also counts every attempt it sees in its own memory, and answers from
 * that count whenever Redis does not (down, or slower than the 250 ms command timeout under
 * load). So a Redis hiccup never hands out a fresh budget: the fallback already holds what this
 * process saw. Neither refusing everyone (fail closed) nor letting everyone through (fail open).
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

  /** How long `key` is refused for by this limiter's answer (0: allowed); errors rethrown. */
  const refusal = async (answer: Promise<unknown>): Promise<number> => {
    try {
      await answer;
      return 0;
    } catch (err) {
      if (err instanceof RateLimiterRes) return Math.max(1, err.msBeforeNext);
      throw err;
    }
  };

  /** Redis's answer, noting an outage (and its end); undefined when Redis failed. */
  async function fromRedis<T>(command: Promise<T>): Promise<T | undefined> {
    try {
      const answer = await command;
      outage.up('rate-limit counters answer again');
      return answer;
    } catch (err) {
      outage.down(err instanceof Error ? err.message : String(err));
      return undefined;
    }
  }

  return {
    async consume(key) {
      const locally = refusal(local.consume(key));
      if (!shared) return { refusedForMs: await locally };
      const inRedis = await fromRedis(refusal(shared.consume(key)));
      const localMs = await locally;
      return { refusedForMs: inRedis ?? localMs };
    },
    async reward(key) {
      await Promise.all([
        local.reward(key).catch(() => undefined),
        shared ? fromRedis(shared.reward(key)) : undefined,
      ]);
    },
    async delete(key) {
      await Promise.all([
        local.delete(key).catch(() => undefined),
        shared ? fromRedis(shared.delete(key)) : undefined,
      ]);
    },
  };
}
