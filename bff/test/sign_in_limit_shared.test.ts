import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBffProcess } from './start_bff_process.js';
import type { BffProcess } from './start_bff_process.js';
import { startRedis } from './start_redis.js';
import type { TestRedis } from './start_redis.js';
import { attemptSignIn, startSystem } from './start_system.js';
import type { SignInAttempt, TestSystem } from './start_system.js';
import { redisCheck } from './system_probes.js';

function signInAs(bffUrl: string, username: string, password?: string): Promise<SignInAttempt> {
  return attemptSignIn(bffUrl, username, { password });
}

/** Every log line the BFF wrote under this data dir (Egg flushes on its own schedule). */
async function logText(dataDir: string): Promise<string> {
  const dir = path.join(dataDir, 'logs', 'bff');
  let text = '';
  for (const file of await readdir(dir)) text += await readFile(path.join(dir, file), 'utf8');
  return text;
}

describe('given two BFF processes sharing one Redis', () => {
  let redis: TestRedis;
  let a: TestSystem;
  let b: BffProcess;
  beforeAll(async () => {
    redis = await startRedis();
    a = await startSystem({
      services: false,
      env: { REDIS_URL: redis.url, MOSAIC_TRUSTED_PROXIES: '1' },
    });
    b = await startBffProcess({ REDIS_URL: redis.url, MOSAIC_TRUSTED_PROXIES: '1' });
  });
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
    await redis?.stop();
  });

  it('locks an account on both after five failures spread over them, with a code, a request id and Retry-After', async () => {
    for (const bffUrl of [a.bffUrl, b.bffUrl, a.bffUrl, b.bffUrl, a.bffUrl]) {
      const attempt = await signInAs(bffUrl, 'owner');
      expect(attempt.status).toBe(401);
      expect(attempt.code).toBe('INVALID_CREDENTIALS');
    }
    for (const bffUrl of [b.bffUrl, a.bffUrl]) {
      const locked = await signInAs(bffUrl, 'owner');
      expect(locked.status).toBe(429);
      expect(locked.code).toBe('RATE_LIMITED');
      expect(locked.requestId).toMatch(/\S/);
      expect(Number(locked.retryAfter)).toBeGreaterThan(0);
      expect(Number(locked.retryAfter)).toBeLessThanOrEqual(900);
    }
    // Even the right password waits: the lock is on the account, not on the guess.
    expect((await signInAs(b.bffUrl, 'owner', 'demo1234')).status).toBe(429);

    // The counts are namespaced, carry no account, address or password, and expire.
    const probe = new Redis(redis.url);
    try {
      const keys = (await probe.keys('mosaic:ratelimit:signin:*')).sort();
      expect(keys.map((key) => key.replace(/[^:]+$/, '…'))).toEqual([
        'mosaic:ratelimit:signin:account-ip:…',
        'mosaic:ratelimit:signin:account:…',
        'mosaic:ratelimit:signin:ip:…',
      ]);
      expect(keys.join(' ')).not.toMatch(/owner|xiaomai|127\.0\.0\.1|password|demo1234/);
      const accountKey = keys[1] ?? '';
      // Every attempt counts, refused ones too: the window does not stretch, it only fills.
      expect(Number(await probe.get(accountKey))).toBeGreaterThanOrEqual(5);
      const ttl = await probe.pttl(accountKey);
      expect(ttl).toBeGreaterThan(0);
      // Retry-After is the key's remaining time, rounded up to whole seconds.
      const retryAfter = Number((await signInAs(a.bffUrl, 'owner')).retryAfter);
      expect(Math.abs(retryAfter - Math.ceil(ttl / 1000))).toBeLessThanOrEqual(1);
    } finally {
      probe.disconnect();
    }
  });

  it('lets a success on one BFF clear the account on both', async () => {
    for (const bffUrl of [a.bffUrl, b.bffUrl, a.bffUrl, b.bffUrl]) {
      expect((await signInAs(bffUrl, 'clerk')).status).toBe(401);
    }
    expect((await signInAs(b.bffUrl, 'clerk', 'demo1234')).status).toBe(200);
    // A fresh budget of five on both, not the one left before the success.
    for (const bffUrl of [a.bffUrl, b.bffUrl, a.bffUrl, b.bffUrl, a.bffUrl]) {
      expect((await signInAs(bffUrl, 'clerk')).status).toBe(401);
    }
    expect((await signInAs(b.bffUrl, 'clerk')).status).toBe(429);
  });

  it('lets the owner in on one BFF from an address known through the other, while strangers locked the account', async () => {
    const owner = (bffUrl: string): Promise<SignInAttempt> =>
      attemptSignIn(bffUrl, 'keeper', { password: 'demo1234', forwardedFor: '198.51.100.50' });
    const stranger = (bffUrl: string, i: number, password?: string): Promise<SignInAttempt> =>
      attemptSignIn(bffUrl, 'keeper', { password, forwardedFor: `203.0.113.${100 + i}` });
    expect((await owner(a.bffUrl)).status).toBe(200);
    for (let i = 0; i < 6; i += 1) {
      expect([401, 429]).toContain((await stranger(i % 2 ? a.bffUrl : b.bffUrl, i)).status);
    }
    // Locked for every address that never signed in to it, through either BFF...
    expect((await stranger(b.bffUrl, 50, 'demo1234')).status).toBe(429);
    // ...but not for the owner's: b learns it from Redis, not from its own memory.
    expect((await owner(b.bffUrl)).status).toBe(200);
  });

  it('keeps answering while Redis is down, each BFF limiting on its own, and logs it once', async () => {
    await redis.stop();
    const started = Date.now();
    expect((await signInAs(a.bffUrl, 'keeper', 'demo1234')).status).toBe(200);
    for (let i = 0; i < 5; i += 1) {
      const attempt = await signInAs(a.bffUrl, 'keeper');
      expect(attempt.status).toBe(401);
      expect(attempt.code).toBe('INVALID_CREDENTIALS');
    }
    const locked = await signInAs(a.bffUrl, 'keeper');
    expect(locked.status).toBe(429);
    expect(locked.code).toBe('RATE_LIMITED');
    expect(Number(locked.retryAfter)).toBeGreaterThan(0);
    // Neither open nor closed: the other BFF has its own budget for the outage.
    expect((await signInAs(b.bffUrl, 'keeper')).status).toBe(401);
    // Fail fast: no attempt waits on the missing Redis.
    expect(Date.now() - started).toBeLessThan(5000);

    for (const dataDir of [a.dataDir, b.dataDir]) {
      await expect
        .poll(() => logText(dataDir), { timeout: 10_000 })
        .toContain('sign-in limits cannot reach redis');
      expect((await logText(dataDir)).split('sign-in limits cannot reach redis').length - 1).toBe(
        1,
      );
    }
  });

  it('shares the counts again once Redis is back', async () => {
    await redis.start();
    await expect.poll(() => redisCheck(a.bffUrl), { timeout: 10_000 }).toBe('ok');
    await expect.poll(() => redisCheck(b.bffUrl), { timeout: 10_000 }).toBe('ok');
    for (const bffUrl of [b.bffUrl, a.bffUrl, b.bffUrl, a.bffUrl, b.bffUrl]) {
      expect((await signInAs(bffUrl, 'after-outage')).status).toBe(401);
    }
    const locked = await signInAs(a.bffUrl, 'after-outage');
    expect(locked.status).toBe(429);
    expect(locked.code).toBe('RATE_LIMITED');
    await expect
      .poll(() => logText(a.dataDir), { timeout: 10_000 })
      .toContain('sign-in limits shared through redis again');
  });

  it('checks at most five of 100 wrong passwords sent at once to one account through both', async () => {
    const verifies = (): number =>
      a.upstreamLog.filter((line) => line.path === '/sessions/verify').length;
    const before = verifies();
    const attempts = await Promise.all(
      Array.from({ length: 100 }, (_, i) => signInAs(i % 2 ? a.bffUrl : b.bffUrl, 'parallel')),
    );
    const statuses = attempts.map((attempt) => attempt.status);
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(95);
    expect(statuses.every((status) => status === 401 || status === 429)).toBe(true);
    // The identity service saw at most five password checks: the rest never reached it.
    expect(verifies() - before).toBeGreaterThan(0);
    expect(verifies() - before).toBeLessThanOrEqual(5);
  });
});
