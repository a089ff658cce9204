/** Options of {@link createRateLimiter}. */
export interface RateLimiterOptions {
  /** Hits allowed per key within one window. */
  limit: number;
  /** Window length in milliseconds. */
  windowMs: number;
  /**
   * Most keys kept in memory; the oldest window is dropped beyond it, so a flood of
   * distinct keys cannot grow the process without bound.
   * @default 10000
   */
  maxKeys?: number;
  /** Clock, for tests. @default Date.now */
  now?: () => number;
}

export interface RateLimitVerdict {
  allowed: boolean;
  /** Whole seconds until the key may try again (0 when allowed). */
  retryAfterSeconds: number;
}

export interface RateLimiter {
  /** Whether `key` is over its limit now, without counting a hit. */
  check(key: string): RateLimitVerdict;
  /** Counts one hit for `key` and says whether it was within the limit. */
  hit(key: string): RateLimitVerdict;
  /** Forgets `key` (e.g. after a successful sign-in). */
  reset(key: string): void;
}

/**
 * A fixed-window counter per key, in this process's memory: behind a load balancer each
 * instance counts on its own (client error reports). Sign-in limits are shared through Redis
 * with rate-limiter-flexible instead (rate_limit_sign_in.ts).
 */
export function createRateLimiter({
  limit,
  windowMs,
  maxKeys = 10_000,
  now = Date.now,
}: RateLimiterOptions): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();

  function current(key: string): { start: number; count: number } | undefined {
    const entry = windows.get(key);
    if (entry && now() - entry.start >= windowMs) {
      windows.delete(key);
      return undefined;
    }
    return entry;
  }

  function verdict(entry: { start: number; count: number } | undefined): RateLimitVerdict {
    if (!entry || entry.count < limit) return { allowed: true, retryAfterSeconds: 0 };
    return {
      allowed: false,
      retryAfterSeconds: Math.max(1, Math.ceil((entry.start + windowMs - now()) / 1000)),
    };
  }

  return {
    check: (key) => verdict(current(key)),
    hit(key) {
      let entry = current(key);
      if (!entry) {
        if (windows.size >= maxKeys) windows.delete(windows.keys().next().value as string);
        entry = { start: now(), count: 0 };
        windows.set(key, entry);
      }
      if (entry.count >= limit) return verdict(entry);
      entry.count += 1;
      return { allowed: true, retryAfterSeconds: 0 };
    },
    reset: (key) => void windows.delete(key),
  };
}
