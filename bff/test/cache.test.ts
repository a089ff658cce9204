import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query, signIn, startSystem } from './start_system.js';
import type { TestSystem } from './start_system.js';
import { callsTo, metric, redisCheck } from './system_probes.js';
import {
  expectOneOutageAndRecovery,
  firstProductOfXiaomai,
  readTwoTenantsTwice,
  STOCKED,
} from './cache_store_checks.js';
import type { Stocked } from './cache_store_checks.js';
import { startRedis } from './start_redis.js';
import type { TestRedis } from './start_redis.js';

let redis: TestRedis;
let system: TestSystem;
beforeAll(async () => {
  redis = await startRedis();
  system = await startSystem({ services: ['catalog', 'inventory'], env: { REDIS_URL: redis.url } });
});
afterAll(async () => {
  await system.stop();
  await redis.stop();
});

describe('given Redis as the cache', () => {
  it('serves each tenant its own stock from tenant-scoped keys', async () => {
    const { a1, b1, a2, b2 } = await readTwoTenantsTwice(system, 'redis');
    expect(a2.data).toEqual(a1.data);
    expect(b2.data).toEqual(b1.data);
    expect(
      callsTo(system, 'redis-a2', '/stock/batch') + callsTo(system, 'redis-b2', '/stock/batch'),
    ).toBe(0);
    const aIds = new Set(a2.data?.products.map((p) => p.id));
    expect(b2.data?.products.some((p) => aIds.has(p.id))).toBe(false);
  });

  it('shows a stock adjustment on the very next read', async () => {
    const { token, productId, adjust } = await firstProductOfXiaomai(system);
    const before = (await query<Stocked>(system.bffUrl, token, STOCKED)).data?.products.find(
      (p) => p.id === productId,
    );
    expect((await adjust(7, 'found a box')).errors).toBeUndefined();
    const after = (await query<Stocked>(system.bffUrl, token, STOCKED)).data?.products.find(
      (p) => p.id === productId,
    );
    expect(after?.stock?.onHand).toBe((before?.stock?.onHand ?? 0) + 7);
  });

  it('makes one upstream call when 20 requests miss the same product at once', async () => {
    const { token } = await signIn(system.bffUrl, 'chaye', 'owner');
    const list = await query<{ products: { id: string }[] }>(
      system.bffUrl,
      token,
      '{ products(first: 200) { id } }',
    );
    // The last product of the list was never fetched by id, so it is not cached yet.
    const id = list.data?.products.at(-1)?.id;
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        query<{ product: { name: string } }>(
          system.bffUrl,
          token,
          `{ product(id: "${id}") { name } }`,
          {},
          {
            'x-request-id': `stampede-${i}`,
          },
        ),
      ),
    );
    expect(answers.every((a) => a.data?.product.name)).toBe(true);
    const batchCalls = system.upstreamLog.filter(
      (l) => String(l.requestId).startsWith('stampede-') && l.path === '/products/batch',
    );
    expect(batchCalls).toHaveLength(1);
  });

  it('keeps answering while Redis is down, logs it once, and caches again once it is back', async () => {
    const { token } = await signIn(system.bffUrl, 'xiaomai', 'owner');
    const expected = (await query<Stocked>(system.bffUrl, token, STOCKED)).data;
    await redis.stop();
    for (let i = 0; i < 3; i += 1) {
      const body = await query<Stocked>(
        system.bffUrl,
        token,
        STOCKED,
        {},
        { 'x-request-id': `down-${i}` },
      );
      expect(body.errors).toBeUndefined();
      expect(body.data).toEqual(expected);
      expect(callsTo(system, `down-${i}`, '/stock/batch')).toBe(1);
    }
    expect(await metric(system.bffUrl, 'bff_cache_errors_total{store="redis"}')).toBeGreaterThan(0);
    expect(await redisCheck(system.bffUrl)).toBe('unavailable');

    await redis.start();
    await expect.poll(() => redisCheck(system.bffUrl), { timeout: 10_000 }).toBe('ok');
    await query(system.bffUrl, token, STOCKED);
    const warm = await query<Stocked>(
      system.bffUrl,
      token,
      STOCKED,
      {},
      { 'x-request-id': 'back' },
    );
    expect(warm.data).toEqual(expected);
    expect(callsTo(system, 'back', '/stock/batch')).toBe(0);

    // One outage, one recovery: counted in /metrics, and the outage logged once.
    await expectOneOutageAndRecovery(system.bffUrl);
    // Egg's file logger flushes on its own schedule: wait for the line, then count it.
    const logText = async (): Promise<string> => {
      const dir = path.join(system.dataDir, 'logs', 'bff');
      let text = '';
      for (const file of await readdir(dir)) text += await readFile(path.join(dir, file), 'utf8');
      return text;
    };
    await expect.poll(logText, { timeout: 10_000 }).toContain('redis unavailable');
    expect((await logText()).split('redis unavailable').length - 1).toBe(1);
  });
});
