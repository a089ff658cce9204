import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attemptSignIn, startSystem } from './start_system.js';
import type { SignInAttempt, TestSystem } from './start_system.js';

function wrongPassword(
  system: TestSystem,
  username: string,
  forwardedFor?: string,
): Promise<SignInAttempt> {
  return attemptSignIn(system.bffUrl, username, { forwardedFor });
}

/** Thirty failures (the per-address budget), each for a different name so no account locks. */
async function sprayFrom(system: TestSystem, forwardedFor: string, run: string): Promise<void> {
  for (let i = 0; i < 30; i += 1) {
    const attempt = await wrongPassword(system, `${run}-${i}`, forwardedFor);
    expect(attempt.code).toBe('INVALID_CREDENTIALS');
  }
}

describe('given a BFF behind one proxy (MOSAIC_TRUSTED_PROXIES=1)', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startSystem({ services: false, env: { MOSAIC_TRUSTED_PROXIES: '1' } });
  });
  afterAll(() => system.stop());

  it('locks an account after five wrong passwords, with a code, a request id and Retry-After', async () => {
    for (let i = 0; i < 5; i += 1) {
      expect((await wrongPassword(system, 'owner', '198.51.100.1')).status).toBe(401);
    }
    const locked = await wrongPassword(system, 'owner', '198.51.100.2');
    expect(locked.status).toBe(429);
    expect(locked.code).toBe('RATE_LIMITED');
    expect(locked.requestId).toMatch(/\S/);
    expect(Number(locked.retryAfter)).toBeGreaterThan(0);
  });

  it('counts a spraying client by the address the proxy saw, not the one it wrote itself', async () => {
    await sprayFrom(system, '203.0.113.7', 'spray');
    // A forged first entry does not buy a fresh budget: the proxy appended the real address.
    const forged = await wrongPassword(system, 'spray-more', '10.9.9.9, 203.0.113.7');
    expect(forged.status).toBe(429);
    expect(forged.code).toBe('RATE_LIMITED');
    // Another shopper behind the same ingress still gets an honest answer.
    const other = await wrongPassword(system, 'keeper', '198.51.100.9');
    expect(other.status).toBe(401);
    expect(other.code).toBe('INVALID_CREDENTIALS');
  });
});

describe('given a BFF with no proxy in front (the default)', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startSystem({ services: false, env: { MOSAIC_TRUSTED_PROXIES: '0' } });
  });
  afterAll(() => system.stop());

  it('ignores X-Forwarded-For, so a client cannot dodge the limit by writing a new address', async () => {
    await sprayFrom(system, '203.0.113.7', 'direct');
    const dodge = await wrongPassword(system, 'direct-more', '198.51.100.77');
    expect(dodge.status).toBe(429);
    expect(dodge.code).toBe('RATE_LIMITED');
  });
});

describe('given strangers guessing an account its owner signed in to before', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startSystem({ services: false, env: { MOSAIC_TRUSTED_PROXIES: '1' } });
  });
  afterAll(() => system.stop());

  const OFFICE = '198.51.100.20';
  const signInFrom = (address: string, password?: string): Promise<SignInAttempt> =>
    attemptSignIn(system.bffUrl, 'keeper', { password, forwardedFor: address });

  it('lets the owner in from the office while the account is locked for everyone else', async () => {
    expect((await signInFrom(OFFICE, 'demo1234')).status).toBe(200);
    for (let i = 0; i < 10; i += 1) {
      const guess = await signInFrom(`203.0.113.${40 + i}`);
      expect([401, 429]).toContain(guess.status);
    }
    // A stranger at a new address is refused even with the right password...
    const stranger = await signInFrom('203.0.113.99', 'demo1234');
    expect(stranger.status).toBe(429);
    expect(stranger.code).toBe('RATE_LIMITED');
    // ...while the owner, from where they signed in before, gets in.
    expect((await signInFrom(OFFICE, 'demo1234')).status).toBe(200);
  });

  it('still limits guesses from the known address itself', async () => {
    for (let i = 0; i < 5; i += 1) expect((await signInFrom(OFFICE)).status).toBe(401);
    const locked = await signInFrom(OFFICE, 'demo1234');
    expect(locked.status).toBe(429);
    expect(Number(locked.retryAfter)).toBeGreaterThan(0);
  });

  it('lets staff in from an office address a neighbour sprayed with wrong passwords', async () => {
    const shared = '198.51.100.30';
    expect(
      (await attemptSignIn(system.bffUrl, 'clerk', { password: 'demo1234', forwardedFor: shared }))
        .status,
    ).toBe(200);
    await sprayFrom(system, shared, 'neighbour');
    expect((await wrongPassword(system, 'neighbour-more', shared)).status).toBe(429);
    const clerk = await attemptSignIn(system.bffUrl, 'clerk', {
      password: 'demo1234',
      forwardedFor: shared,
    });
    expect(clerk.status).toBe(200);
  });
});
