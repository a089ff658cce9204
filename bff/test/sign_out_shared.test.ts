import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBffProcess } from './start_bff_process.js';
import type { BffProcess } from './start_bff_process.js';
import { startRedis } from './start_redis.js';
import type { TestRedis } from './start_redis.js';
import { signIn, startSystem } from './start_system.js';
import type { TestSystem } from './start_system.js';

async function statusOf(bffUrl: string, token: string, where: string): Promise<number> {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const response =
    where === '/graphql'
      ? await fetch(`${bffUrl}/graphql`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ query: '{ ping }' }),
        })
      : await fetch(`${bffUrl}${where}`, { headers });
  return response.status;
}

function signOut(bffUrl: string, token: string): Promise<Response> {
  return fetch(`${bffUrl}/api/session`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${token}` },
  });
}

describe('given two BFF processes sharing one Redis and one session secret', () => {
  let redis: TestRedis;
  let a: TestSystem;
  let b: BffProcess;
  let secret: string;
  beforeAll(async () => {
    redis = await startRedis();
    a = await startSystem({ services: false, env: { REDIS_URL: redis.url } });
    await signIn(a.bffUrl, 'xiaomai', 'owner'); // makes a's session secret
    secret = (await readFile(path.join(a.dataDir, 'session-secret'), 'utf8')).trim();
    b = await startBffProcess({ REDIS_URL: redis.url, MOSAIC_SESSION_SECRET: secret });
  });
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
    await redis?.stop();
  });

  it('refuses a token signed out on one BFF on the other too, on /graphql and /api/*', async () => {
    const { token } = await signIn(a.bffUrl, 'xiaomai', 'owner');
    expect(await statusOf(b.bffUrl, token, '/graphql')).toBe(200);
    expect(await statusOf(b.bffUrl, token, '/api/session')).toBe(200);

    expect((await signOut(a.bffUrl, token)).status).toBe(204);
    expect(await statusOf(a.bffUrl, token, '/graphql')).toBe(401);
    // The other instance hears of it over pub/sub, within milliseconds.
    await expect.poll(() => statusOf(b.bffUrl, token, '/graphql'), { timeout: 2000 }).toBe(401);
    expect(await statusOf(b.bffUrl, token, '/api/session')).toBe(401);
    expect(await statusOf(b.bffUrl, token, '/api/apps')).toBe(401);
  });

  it('checks tokens from memory, with no Redis round trip per request', async () => {
    const { token } = await signIn(b.bffUrl, 'chaye', 'owner');
    const probe = new Redis(redis.url);
    const denyListReads = async (): Promise<number> => {
      const stats = await probe.info('commandstats');
      return ['zscore', 'zrangebyscore']
        .map((name) => Number(new RegExp(`cmdstat_${name}:calls=(\\d+)`).exec(stats)?.[1] ?? 0))
        .reduce((sum, calls) => sum + calls, 0);
    };
    try {
      const before = await denyListReads();
      for (let i = 0; i < 20; i += 1) {
        expect(await statusOf(i % 2 ? a.bffUrl : b.bffUrl, token, '/api/session')).toBe(200);
      }
      expect(await denyListReads()).toBe(before);
    } finally {
      probe.disconnect();
    }
  });

  it('keeps the token denied until it would have expired, and no longer', async () => {
    const { token } = await signIn(b.bffUrl, 'xiaomai', 'clerk');
    const { exp, jti } = JSON.parse(
      Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'),
    ) as { exp: number; jti: string };
    expect(jti).toMatch(/^[\w-]{16,}$/);
    expect((await signOut(b.bffUrl, token)).status).toBe(204);
    await expect.poll(() => statusOf(a.bffUrl, token, '/api/session'), { timeout: 2000 }).toBe(401);
    const probe = new Redis(redis.url);
    try {
      expect(Number(await probe.zscore('mosaic:session:revoked', jti))).toBe(exp * 1000);
    } finally {
      probe.disconnect();
    }
  });

  it('tells a BFF started later about tokens signed out before it started', async () => {
    const { token } = await signIn(a.bffUrl, 'xiaomai', 'keeper');
    expect((await signOut(a.bffUrl, token)).status).toBe(204);
    const c = await startBffProcess({ REDIS_URL: redis.url, MOSAIC_SESSION_SECRET: secret });
    try {
      expect(await statusOf(c.bffUrl, token, '/graphql')).toBe(401);
      const other = await signIn(c.bffUrl, 'xiaomai', 'keeper');
      expect(await statusOf(c.bffUrl, other.token, '/graphql')).toBe(200);
    } finally {
      await c.stop();
    }
  });
});
