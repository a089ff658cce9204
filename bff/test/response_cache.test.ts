import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBffProcess } from './start_bff_process.js';
import type { BffProcess } from './start_bff_process.js';
import { query, signIn, startSystem } from './start_system.js';
import type { TestSystem } from './start_system.js';
import { startRedis } from './start_redis.js';
import type { TestRedis } from './start_redis.js';

interface Stocked {
  products: { id: string; name: string; stock: { onHand: number } }[];
}

const STOCKED = 'query Stocked { products(first: 5) { id name stock { onHand } } }';

let redis: TestRedis;
let system: TestSystem;
let second: BffProcess;
// A pricing service that accepts connections and never answers: what a frozen process looks like.
let hung: Server;
const hungSockets = new Set<Socket>();
beforeAll(async () => {
  redis = await startRedis();
  hung = createServer((socket) => {
    hungSockets.add(socket);
    socket.on('close', () => hungSockets.delete(socket));
  });
  await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', resolve));
  const hungPort = (hung.address() as { port: number }).port;
  system = await startSystem({
    services: ['catalog', 'inventory'],
    env: {
      REDIS_URL: redis.url,
      PRICING_URL: `http://127.0.0.1:${hungPort}`,
      REQUEST_BUDGET_MS: '1500',
    },
  });
  // A second instance on the same Redis and session secret: another pod behind the balancer.
  await signIn(system.bffUrl, 'xiaomai', 'owner'); // the first sign-in makes the secret
  const secret = (await readFile(path.join(system.dataDir, 'session-secret'), 'utf8')).trim();
  second = await startBffProcess({ REDIS_URL: redis.url, MOSAIC_SESSION_SECRET: secret });
}, 60_000);
afterAll(async () => {
  await second?.stop();
  await system?.stop();
  for (const socket of hungSockets) socket.destroy();
  hung?.close();
  await redis?.stop();
});

function callsOf(requestId: string): string[] {
  return system.upstreamLog
    .filter((l) => l.requestId === requestId)
    .map((l) => `${l.service} ${l.method} ${l.path}`);
}

describe('given the same query twice', () => {
  it('answers the second time from the cache, calling no service', async () => {
    const { token } = await signIn(system.bffUrl, 'xiaomai', 'owner');
    const cold = await query<Stocked>(
      system.bffUrl,
      token,
      STOCKED,
      {},
      { 'x-request-id': 'rc-cold' },
    );
    const warm = await query<Stocked>(
      system.bffUrl,
      token,
      STOCKED,
      {},
      { 'x-request-id': 'rc-warm' },
    );
    expect(cold.errors).toBeUndefined();
    expect(callsOf('rc-cold')).toContain('catalog GET /products');
    expect(warm).toEqual(cold);
    expect(callsOf('rc-warm')).toEqual([]);
  });
});

describe('given two tenants and two roles asking the same operation and variables', () => {
  it('answers each its own data, cold and warm', async () => {
    const xiaomai = await signIn(system.bffUrl, 'xiaomai', 'owner');
    const keeper = await signIn(system.bffUrl, 'xiaomai', 'keeper');
    const clerk = await signIn(system.bffUrl, 'xiaomai', 'clerk');
    const chaye = await signIn(system.bffUrl, 'chaye', 'owner');
    const HISTORY = 'query History($n: Int) { stockMovements(first: $n) { nodes { id } } }';
    for (let round = 0; round < 2; round += 1) {
      const a = await query<Stocked>(system.bffUrl, xiaomai.token, STOCKED);
      const b = await query<Stocked>(system.bffUrl, chaye.token, STOCKED);
      const aIds = new Set(a.data?.products.map((p) => p.id));
      expect(aIds.size).toBeGreaterThan(0);
      expect(b.data?.products.length).toBeGreaterThan(0);
      expect(b.data?.products.some((p) => aIds.has(p.id))).toBe(false);
      // The keeper may read stock history; the clerk may not, even after the keeper's answer.
      const allowed = await query(system.bffUrl, keeper.token, HISTORY, { variables: { n: 2 } });
      const refused = await query(system.bffUrl, clerk.token, HISTORY, { variables: { n: 2 } });
      expect(allowed.errors).toBeUndefined();
      expect(refused.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    }
  });
});

describe('given two BFF instances sharing Redis', () => {
  it('shows a write made through one on the next read through the other', async () => {
    const { token } = await signIn(system.bffUrl, 'xiaomai', 'keeper');
    const first = await query<Stocked & { warehouses: { id: string }[] }>(
      system.bffUrl,
      token,
      'query Ids { products(first: 1) { id } warehouses { id } }',
    );
    const productId = first.data?.products[0]?.id ?? '';
    const warehouseId = first.data?.warehouses[0]?.id ?? '';
    const onHand = async (url: string): Promise<number | undefined> =>
      (await query<Stocked>(url, token, STOCKED)).data?.products.find((p) => p.id === productId)
        ?.stock.onHand;
    // Both instances hold the answer warm.
    const before = await onHand(second.bffUrl);
    expect(await onHand(second.bffUrl)).toBe(before);
    expect(await onHand(system.bffUrl)).toBe(before);

    const adjusted = await query(
      system.bffUrl,
      token,
      'mutation Adjust($input: AdjustStockInput!) { adjustStock(input: $input) { onHand } }',
      { variables: { input: { productId, warehouseId, quantity: 3, reason: 'count' } } },
    );
    expect(adjusted.errors).toBeUndefined();
    expect(await onHand(second.bffUrl)).toBe((before ?? 0) + 3);
    expect(await onHand(system.bffUrl)).toBe((before ?? 0) + 3);
  });
});

describe('given a service that hangs', () => {
  const PRICED = 'query Priced { products(first: 3) { id name price { current } } }';

  it('answers within the budget with what the others gave and a coded error on the rest', async () => {
    const { token } = await signIn(system.bffUrl, 'xiaomai', 'owner');
    const started = performance.now();
    const body = await query<{ products: { id: string; price: unknown }[] }>(
      system.bffUrl,
      token,
      PRICED,
    );
    const ms = performance.now() - started;
    expect(ms).toBeLessThan(1500 + 1000);
    expect(body.data?.products.length).toBe(3);
    expect(body.data?.products.every((p) => p.price === null)).toBe(true);
    expect(body.errors?.[0]?.extensions.code).toBe('UPSTREAM_TIMEOUT');
  });

  it('does not serve an answer with errors from the cache afterwards', async () => {
    const { token } = await signIn(system.bffUrl, 'xiaomai', 'owner');
    await query(system.bffUrl, token, PRICED);
    const again = await query(system.bffUrl, token, PRICED, {}, { 'x-request-id': 'rc-again' });
    expect(again.errors?.[0]?.extensions.code).toBe('UPSTREAM_TIMEOUT');
    expect(again.errors?.[0]?.extensions.requestId).toBe('rc-again');
    expect(callsOf('rc-again')).toContain('catalog GET /products');
  });
});
