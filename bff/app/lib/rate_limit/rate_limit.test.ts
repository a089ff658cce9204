import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate_limit.js';

describe('given a limit of 2 per minute', () => {
  it('refuses the third hit with the seconds left in the window', () => {
    let t = 0;
    const limiter = createRateLimiter({ limit: 2, windowMs: 60_000, now: () => t });
    expect(limiter.hit('a').allowed).toBe(true);
    expect(limiter.hit('a').allowed).toBe(true);
    t = 15_000;
    expect(limiter.hit('a')).toEqual({ allowed: false, retryAfterSeconds: 45 });
    expect(limiter.check('b').allowed).toBe(true);
  });

  it('allows again after the window or a reset', () => {
    let t = 0;
    const limiter = createRateLimiter({ limit: 1, windowMs: 1000, now: () => t });
    limiter.hit('a');
    expect(limiter.check('a').allowed).toBe(false);
    t = 1000;
    expect(limiter.check('a').allowed).toBe(true);
    limiter.hit('a');
    limiter.reset('a');
    expect(limiter.check('a').allowed).toBe(true);
  });

  it('keeps at most maxKeys keys', () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 1000, maxKeys: 2, now: () => 0 });
    limiter.hit('a');
    limiter.hit('b');
    limiter.hit('c');
    expect(limiter.check('a').allowed).toBe(true);
    expect(limiter.check('c').allowed).toBe(false);
  });
});
