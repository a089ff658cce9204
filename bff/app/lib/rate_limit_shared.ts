import type { WindowCounters } from './cache/window_counters.js';
import type { StoreState } from './cache/store_state.js';
import { createRateLimiter } from './rate_limit.js';
import type { RateLimitVerdict } from './rate_limit.js';

/** Options of {@link createSharedRateLimiter}. */
export interface SharedRateLimiterOptions {
  /** Hits allowed per key within one window. */
  limit: number;
  /** Window length in milliseconds. */
  windowMs: number;
  /**
   * Redis counters shared by every BFF process (`CacheStore.counters`); without them the limiter
   * counts in this process only, as {@link createRateLimiter} does.
   */
  counters: WindowCounters | undefined;
  /** Prepended to every key in Redis, e.g. `mosaic:ratelimit:signin:account:`. */
  prefix: string;
  /**
   * Told each time Redis fails (`down`) or answers (`up`); it reports only the changes, once per
   * outage. Limiters of one feature share one, so an outage is logged once, not once per limiter.
   */
  outage: StoreState;
}

/** A rate limiter whose counts may live in Redis: every method is asynchronous. */
export interface SharedRateLimiter {
  /** Whether `key` is over its limit now, without counting a hit. */
  check(key: string): Promise<RateLimitVerdict>;
  /** Counts one hit for `key` and says whether it was within the limit. */
  hit(key: string): Promise<RateLimitVerdict>;
  /** Forgets `key` (e.g. after a successful sign-in). */
  reset(key: string): Promise<void>;
}

const ALLOWED: RateLimitVerdict = { allowed: true, retryAfterSeconds: 0 };

/**
 * A fixed-window limiter shared by every BFF process through Redis when `counters` is given.
 * Redis is the one source of truth while it answers. When it does not, this process counts in
 * its own memory instead — never refusing everyone (fail closed) and never letting everyone
 * through (fail open): each process then allows `limit` per window, as without Redis.
 */
export function createSharedRateLimiter(options: SharedRateLimiterOptions): SharedRateLimiter {
  const { limit, windowMs, counters, prefix, outage } = options;
  const local = createRateLimiter({ limit, windowMs });
  if (!counters) {
    return {
      check: async (key) => local.check(key),
      hit: async (key) => local.hit(key),
      reset: async (key) => local.reset(key),
    };
  }

  /** The answer from Redis, or undefined when it failed (and the outage is noted). */
  async function shared<T>(command: () => Promise<T>): Promise<T | undefined> {
    try {
      const answer = await command();
      outage.up('rate-limit counters answer again');
      return answer;
    } catch (err) {
      outage.down(err instanceof Error ? err.message : String(err));
      return undefined;
    }
  }

  const verdict = (over: boolean, remainingMs: number): RateLimitVerdict =>
    over
      ? { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(remainingMs / 1000)) }
      : ALLOWED;

  return {
    async check(key) {
      const window = await shared(() => counters.peek(prefix + key));
      return window ? verdict(window.count >= limit, window.remainingMs) : local.check(key);
    },
    async hit(key) {
      const window = await shared(() => counters.hit(prefix + key, windowMs));
      return window ? verdict(window.count > limit, window.remainingMs) : local.hit(key);
    },
    async reset(key) {
      local.reset(key);
      await shared(() => counters.reset(prefix + key));
    },
  };
}
