import { describe, expect, it } from 'vitest';
import type { CounterWindow, WindowCounters } from './cache/window_counters.js';
import { createStoreState } from './cache/store_state.js';
import { createSharedRateLimiter } from './rate_limit_shared.js';

/** Counters in a Map that can be told to fail like an unreachable Redis. */
function fakeCounters(): WindowCounters & { failing: boolean } {
  const windows = new Map<string, number>();
  const answer = <T>(value: () => T): Promise<T> =>
    fake.failing ? Promise.reject(new Error('connection refused')) : Promise.resolve(value());
  const fake = {
    failing: false,
    hit: (key: string): Promise<CounterWindow> =>
      answer(() => {
        windows.set(key, (windows.get(key) ?? 0) + 1);
        return { count: windows.get(key) ?? 0, remainingMs: 42_300 };
      }),
    peek: (key: string): Promise<CounterWindow> =>
      answer(() => ({ count: windows.get(key) ?? 0, remainingMs: windows.has(key) ? 42_300 : 0 })),
    reset: (key: string): Promise<void> => answer(() => void windows.delete(key)),
  };
  return fake;
}

describe('given shared counters', () => {
  it('refuses at the limit with Retry-After from the window left in Redis', async () => {
    const outage = createStoreState({ onStateChange: () => {}, onBack: async () => {} });
    const counters = fakeCounters();
    const limiter = createSharedRateLimiter({
      limit: 2,
      windowMs: 60_000,
      counters,
      prefix: 'p:',
      outage,
    });
    await limiter.hit('a');
    expect((await limiter.check('a')).allowed).toBe(true);
    await limiter.hit('a');
    expect(await limiter.check('a')).toEqual({ allowed: false, retryAfterSeconds: 43 });
    await limiter.reset('a');
    expect((await limiter.check('a')).allowed).toBe(true);
  });

  it('counts in memory while they fail, telling the outage and its end once each', async () => {
    const told: string[] = [];
    const outage = createStoreState({
      onStateChange: (state) => void told.push(state),
      onBack: async () => {},
    });
    const counters = fakeCounters();
    const limiter = createSharedRateLimiter({
      limit: 2,
      windowMs: 60_000,
      counters,
      prefix: 'p:',
      outage,
    });
    await limiter.check('a');
    counters.failing = true;
    await limiter.hit('a');
    await limiter.hit('a');
    expect((await limiter.check('a')).allowed).toBe(false);
    counters.failing = false;
    // Redis is the source of truth again: it never saw the outage's failures.
    expect((await limiter.check('a')).allowed).toBe(true);
    await limiter.check('a');
    expect(told).toEqual(['down', 'up']);
  });
});
