import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query, signIn, startSystem } from './start_system.js';
import type { TestSystem } from './start_system.js';
import { callsTo, metric, redisCheck } from './system_probes.js';
import {
  expectOneOutageAndRecovery,
  firstProductOfXiaomai,
  STOCKED,
} from './cache_store_checks.js';
import type { Stocked } from './cache_store_checks.js';
import { startRedisCluster } from './start_redis_cluster.js';
import type { TestRedisCluster } from './start_redis_cluster.js';

const HITS = 'bff_response_cache_total{result="hit"}';

let cluster: TestRedisCluster;
let system: TestSystem;
beforeAll(async () => {
  cluster = await startRedisCluster();
  system = await startSystem({
    services: ['catalog', 'inventory'],
    env: { REDIS_CLUSTER_NODES: cluster.nodesEnv },
  });
}, 90_000);
afterAll(async () => {
  await system?.stop();
  await cluster?.stop();
});

describe('given a Redis Cluster as the cache', () => {
  it('answers each tenant its own stock, the second time from the cache', async () => {
    const xiaomai = await signIn(system.bffUrl, 'xiaomai', 'owner');
    const chaye = await signIn(system.bffUrl, 'chaye', 'owner');
    const a1 = await query<Stocked>(system.bffUrl, xiaomai.token, STOCKED);
    const b1 = await query<Stocked>(system.bffUrl, chaye.token, STOCKED);
    expect(a1.errors).toBeUndefined();
    expect(b1.errors).toBeUndefined();
    expect(a1.data?.products.length).toBeGreaterThan(0);
    expect(b1.data?.products.length).toBeGreaterThan(0);

    const hitsBefore = await metric(system.bffUrl, HITS);
    const a2 = await query<Stocked>(
      system.bffUrl,
      xiaomai.token,
      STOCKED,
      {},
      { 'x-request-id': 'cl-a2' },
    );
    const b2 = await query<Stocked>(
      system.bffUrl,
      chaye.token,
      STOCKED,
      {},
      { 'x-request-id': 'cl-b2' },
    );
    expect(a2.data).toEqual(a1.data);
    expect(b2.data).toEqual(b1.data);
    // Whole answers from the response cache: not even the product list is asked for again.
    expect(callsTo(system, 'cl-a2', '/products') + callsTo(system, 'cl-b2', '/products')).toBe(0);
    expect(
      callsTo(system, 'cl-a2', '/stock/batch') + callsTo(system, 'cl-b2', '/stock/batch'),
    ).toBe(0);
    expect((await metric(system.bffUrl, HITS)) - hitsBefore).toBe(2);

    // Tenant A never sees tenant B's products, cached or not.
    const aIds = new Set(a2.data?.products.map((p) => p.id));
    expect(b2.data?.products.some((p) => aIds.has(p.id))).toBe(false);
  });

  it('keeps each tenant on one master and spreads two tenants over two masters', async () => {
    const xiaomaiOwner = await cluster.ownerOf('mosaic:v1:{xiaomai}:stock:any');
    const chayeOwner = await cluster.ownerOf('mosaic:v1:{chaye}:stock:any');
    // CRC16 puts {xiaomai} in slot 8745 and {chaye} in 2438: the second and first of the three
    // even slot ranges `redis-cli --cluster create` makes.
    expect(xiaomaiOwner).not.toBe(chayeOwner);
    expect(await cluster.keysOn(xiaomaiOwner, 'mosaic:v1:{xiaomai}:stock:*')).not.toHaveLength(0);
    expect(await cluster.keysOn(chayeOwner, 'mosaic:v1:{chaye}:stock:*')).not.toHaveLength(0);
    expect(await cluster.keysOn(xiaomaiOwner, 'mosaic:v1:{xiaomai}:resp:*')).not.toHaveLength(0);
    expect(await cluster.keysOn(xiaomaiOwner, 'mosaic:v1:{chaye}:*')).toHaveLength(0);
    expect(await cluster.keysOn(chayeOwner, 'mosaic:v1:{xiaomai}:*')).toHaveLength(0);
  });

  it('shows a stock adjustment on the very next read', async () => {
    const { token, productId, adjust } = await firstProductOfXiaomai(system);
    const onHand = async (): Promise<number | undefined> =>
      (await query<Stocked>(system.bffUrl, token, STOCKED)).data?.products.find(
        (p) => p.id === productId,
      )?.stock?.onHand;
    const before = await onHand();
    expect(await onHand()).toBe(before); // now cached
    expect((await adjust(5, 'recount')).errors).toBeUndefined();
    expect(await onHand()).toBe((before ?? 0) + 5);
  });

  it('counts sign-in failures in the cluster, each counter a key of its own slot', async () => {
    const wrongPassword = async (): Promise<Response> =>
      fetch(`${system.bffUrl}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ tenant: 'chaye', username: 'owner', password: 'not-it' }),
      });
    for (let i = 0; i < 5; i += 1) expect((await wrongPassword()).status).toBe(401);
    const locked = await wrongPassword();
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    const keys = await Promise.all(
      cluster.nodes.map((node) => cluster.keysOn(node.port, 'mosaic:ratelimit:signin:*')),
    );
    expect(keys.flat().map((key) => key.split(':')[3])).toEqual(
      expect.arrayContaining(['account', 'ip']),
    );
  });

  it('keeps answering with a master killed, and caches again once it is back', async () => {
    const { token } = await signIn(system.bffUrl, 'xiaomai', 'owner');
    const expected = (await query<Stocked>(system.bffUrl, token, STOCKED)).data;
    const port = await cluster.ownerOf('mosaic:v1:{xiaomai}:stock:any');
    const node = cluster.nodes.find((n) => n.port === port);
    await node?.stop();

    for (let i = 0; i < 3; i += 1) {
      const body = await query<Stocked>(
        system.bffUrl,
        token,
        STOCKED,
        {},
        { 'x-request-id': `cl-down-${i}` },
      );
      expect(body.errors).toBeUndefined();
      expect(body.data).toEqual(expected);
      expect(callsTo(system, `cl-down-${i}`, '/stock/batch')).toBe(1);
    }
    expect(await metric(system.bffUrl, 'bff_cache_errors_total{store="redis"}')).toBeGreaterThan(0);
    await expect.poll(() => redisCheck(system.bffUrl), { timeout: 10_000 }).toBe('unavailable');

    await node?.start();
    await cluster.waitUntilOk();
    await expect.poll(() => redisCheck(system.bffUrl), { timeout: 20_000 }).toBe('ok');
    // The first read after the outage refills what was dropped; a later one is a hit.
    let attempt = 0;
    const upstreamCallsOfARead = async (): Promise<number> => {
      attempt += 1;
      await query(system.bffUrl, token, STOCKED);
      const id = `cl-back-${attempt}`;
      const warm = await query<Stocked>(system.bffUrl, token, STOCKED, {}, { 'x-request-id': id });
      expect(warm.data).toEqual(expected);
      return callsTo(system, id, '/stock/batch');
    };
    await expect.poll(upstreamCallsOfARead, { timeout: 10_000 }).toBe(0);

    // One outage, one recovery.
    await expectOneOutageAndRecovery(system.bffUrl);
  }, 90_000);
});
