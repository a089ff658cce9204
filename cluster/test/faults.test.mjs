// The cluster topology under faults: the real `startCluster` (HAProxy, two BFF instances in Egg
// cluster mode, a Redis Cluster, PostgreSQL primary + replica, the services) on loopback ports
// 28400-28460, with a steady load of signed-in GraphQL reads and writes through HAProxy while
// parts of it are killed. Nothing is mocked: every failure is a real process killed.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBinaries, startCluster } from '../src/index.mjs';

const PORT = 28400;
const found = findBinaries();
if (found.missing) {
  if (process.env.CI)
    throw new Error(`the cluster tests need Debian's packages:\n${found.missing}`);
  console.warn(`[cluster] skipping the cluster topology tests:\n${found.missing}`);
}

/** @param {string} base @param {string} tenant @param {string} username */
async function signIn(base, tenant, username) {
  const response = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenant, username, password: 'demo1234' }),
  });
  expect(response.status).toBe(200);
  return /** @type {{ token: string }} */ (await response.json()).token;
}

/**
 * One GraphQL call; `failure` says why it did not fully succeed (status, or GraphQL errors).
 * @param {string} base @param {string} token @param {string} query @param {object} [variables] @param {Record<string, string>} [headers]
 */
async function graphql(base, token, query, variables = {}, headers = {}) {
  try {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(15_000),
    });
    const body = /** @type {{ data?: any, errors?: { message: string }[] }} */ (
      await response.json().catch(() => ({}))
    );
    const failure =
      response.status !== 200
        ? `HTTP ${response.status}`
        : body.errors?.length
          ? body.errors.map((e) => e.message).join('; ')
          : undefined;
    return { data: body.data, failure, headers: response.headers };
  } catch (error) {
    return { data: undefined, failure: String(error), headers: new Headers() };
  }
}

const READ = `query Load($id: ID!) {
  product(id: $id) { id name stock { onHand } }
  warehouses { id }
  stockMovements(first: 5, productId: $id) { nodes { id quantity } }
}`;
const ADJUST = `mutation Adjust($input: AdjustStockInput!) { adjustStock(input: $input) { onHand } }`;
const STOCK = `query Stock($id: ID!) { product(id: $id) { stock { onHand } } }`;

/**
 * A steady, bounded load through HAProxy: two loops of reads, every fourth call a stock
 * adjustment (+1 then -1, so the level stays put), until `stop()`.
 * @param {string} base @param {string} token @param {string} productId @param {string} warehouseId
 */
function startLoad(base, token, productId, warehouseId) {
  let running = true;
  let done = 0;
  /** @type {string[]} */
  const failures = [];
  const loop = async (/** @type {number} */ lane) => {
    for (let i = 0; running; i += 1) {
      const write = i % 4 === 3;
      const result = write
        ? await graphql(base, token, ADJUST, {
            input: {
              productId,
              warehouseId,
              quantity: lane === 0 ? 1 : -1,
              reason: 'cluster test',
            },
          })
        : // Marked read-only, as the apps' client marks every query: HAProxy may replay it.
          await graphql(base, token, READ, { id: productId }, { 'x-mosaic-read-only': '1' });
      if (result.failure) failures.push(`${write ? 'write' : 'read'}: ${result.failure}`);
      done += 1;
    }
  };
  const loops = [loop(0), loop(1)];
  return {
    /** Stop, and say how many calls ran and which failed. */
    async stop() {
      running = false;
      await Promise.all(loops);
      return { done, failures };
    },
    get done() {
      return done;
    },
  };
}

/** One value from PostgreSQL on `port`, as its superuser. @param {number} port @param {string} sql */
function psql(port, sql) {
  const pgBin = /** @type {string} */ (found.binaries?.pgBin);
  return execFileSync(
    path.join(pgBin, 'psql'),
    ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-qtAc', sql],
    { encoding: 'utf8' },
  ).trim();
}

/**
 * What HAProxy says of one server of the BFF backend: its state (UP, DOWN, …) and how many
 * requests it was sent in all.
 * @param {number} statsPort @param {string} server
 */
async function balancerView(statsPort, server) {
  const csv = await (await fetch(`http://127.0.0.1:${statsPort}/stats;csv`)).text();
  const [header = '', ...rows] = csv.replace(/^# /, '').trim().split('\n');
  const columns = header.split(',');
  const row = rows.map((line) => line.split(',')).find((r) => r[0] === 'bff' && r[1] === server);
  const at = (/** @type {string} */ name) => row?.[columns.indexOf(name)] ?? '';
  return { status: at('status'), sent: Number(at('stot')) };
}

/** Let the load run until `calls` more calls were made. @param {{ done: number }} load @param {number} calls */
async function runFor(load, calls) {
  const target = load.done + calls;
  while (load.done < target) await new Promise((resolve) => setTimeout(resolve, 50));
}

describe.skipIf(Boolean(found.missing))('the cluster topology', () => {
  /** @type {Awaited<ReturnType<typeof startCluster>>} */
  let cluster;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cluster-test-'));
  const base = `http://127.0.0.1:${PORT}`;
  let token = '';
  let productId = '';
  let warehouseId = '';

  beforeAll(async () => {
    cluster = await startCluster({
      port: PORT,
      dataDir,
      bffWorkers: 1,
      build: false,
      quiet: true,
      log: () => {},
    });
    token = await signIn(base, 'xiaomai', 'owner');
    const first = await graphql(base, token, '{ products(first: 1) { id } warehouses { id } }');
    expect(first.failure).toBeUndefined();
    productId = first.data.products[0].id;
    warehouseId = first.data.warehouses[0].id;
  }, 240_000);

  afterAll(async () => {
    await cluster?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('loses at most the calls in flight on a BFF instance killed under load', async () => {
    const load = startLoad(base, token, productId, warehouseId);
    await runFor(load, 20);
    // Both instances take a share of the load before one dies.
    expect((await balancerView(cluster.topology.stats, 'bff-1')).sent).toBeGreaterThan(0);
    await cluster.kill('bff-1');
    await runFor(load, 40);
    const { done, failures } = await load.stop();
    // HAProxy replays no POST that reached the instance (it may have been carried out), so a
    // call each loop had in flight on it may fail: a 502, or the client connection closed (what
    // HAProxy does when the cut server connection was the client's first request on it, so
    // the client decides); every later one goes to bff-2.
    // Reads are marked read-only, so HAProxy sends them to bff-2 instead: only writes may fail.
    expect(failures.length).toBeLessThanOrEqual(2);
    for (const failure of failures)
      expect(failure).toMatch(/^write: (HTTP 502|TypeError: fetch failed)$/);
    expect(done).toBeGreaterThanOrEqual(60);
    await expect
      .poll(async () => (await balancerView(cluster.topology.stats, 'bff-1')).status)
      .toMatch(/^DOWN/);
  }, 90_000);

  it('takes a restarted BFF instance back: a write through one is read through the other at once, with the same session', async () => {
    await cluster.restart('bff-1');
    // HAProxy's health checks put it back in the rotation, and it takes requests again.
    await expect
      .poll(async () => (await balancerView(cluster.topology.stats, 'bff-1')).status, {
        timeout: 15_000,
      })
      .toBe('UP');
    const sentBefore = (await balancerView(cluster.topology.stats, 'bff-1')).sent;
    for (let i = 0; i < 4; i += 1) {
      expect((await graphql(base, token, STOCK, { id: productId })).failure).toBeUndefined();
    }
    expect((await balancerView(cluster.topology.stats, 'bff-1')).sent).toBeGreaterThan(sentBefore);
    const [one, two] = cluster.topology.bff.map((p) => `http://127.0.0.1:${p}`);
    // Warm bff-2's cache with the current level, then write through bff-1.
    const before = await graphql(two, token, STOCK, { id: productId });
    expect(before.failure).toBeUndefined();
    const adjusted = await graphql(one, token, ADJUST, {
      input: { productId, warehouseId, quantity: 7, reason: 'cluster test: coherence' },
    });
    expect(adjusted.failure).toBeUndefined();
    const after = await graphql(two, token, STOCK, { id: productId });
    expect(after.data.product.stock.onHand).toBe(before.data.product.stock.onHand + 7);
    // A session made through one instance is good on the other, and the other way round.
    const fresh = await signIn(one, 'xiaomai', 'keeper');
    expect((await graphql(two, fresh, STOCK, { id: productId })).failure).toBeUndefined();
    expect((await graphql(one, token, STOCK, { id: productId })).failure).toBeUndefined();
  }, 90_000);

  it('loses no request when a Redis master is restarted under load', async () => {
    const load = startLoad(base, token, productId, warehouseId);
    await runFor(load, 20);
    await cluster.kill('redis-2');
    await runFor(load, 30);
    await cluster.restart('redis-2');
    await runFor(load, 30);
    const { failures } = await load.stop();
    expect(failures).toEqual([]);
    // Once every instance sees the cluster whole again (its /readyz answers), a write through
    // one instance is read through the other at once, though that master came back empty.
    const [one, two] = cluster.topology.bff.map((p) => `http://127.0.0.1:${p}`);
    for (const instance of [one, two]) {
      await expect
        .poll(async () => (await fetch(`${instance}/readyz`)).status, { timeout: 20_000 })
        .toBe(200);
    }
    const before = await graphql(two, token, STOCK, { id: productId });
    const adjusted = await graphql(one, token, ADJUST, {
      input: { productId, warehouseId, quantity: 3, reason: 'cluster test: after Redis' },
    });
    expect(adjusted.failure).toBeUndefined();
    const after = await graphql(two, token, STOCK, { id: productId });
    expect(after.data.product.stock.onHand).toBe(before.data.product.stock.onHand + 3);
  }, 90_000);

  it('keeps serving reads and writes when the PostgreSQL replica stops under load', async () => {
    // It is a streaming hot standby of the primary to begin with.
    expect(
      psql(cluster.topology.postgres.primary, 'SELECT count(*) FROM pg_stat_replication'),
    ).toBe('1');
    expect(psql(cluster.topology.postgres.replica, 'SELECT pg_is_in_recovery()')).toBe('t');
    const load = startLoad(base, token, productId, warehouseId);
    await runFor(load, 20);
    await cluster.kill('postgres-replica');
    await runFor(load, 60);
    const { failures } = await load.stop();
    expect(failures).toEqual([]);
    await cluster.restart('postgres-replica');
  }, 90_000);

  it("sends a canary tenant's calls, and only theirs, to the canary catalog instance", async () => {
    // Tenant chaye goes on the inventory app's canary (its stable version will do): from then
    // on the BFF tags its upstream calls x-mosaic-env: canary, and HAProxy routes them.
    const publishToken = readFileSync(path.join(dataDir, 'publish-token'), 'utf8').trim();
    const [version] = readdirSync(path.join(dataDir, 'registry', 'apps', 'inventory'));
    const put = await fetch(`${base}/api/registry/apps/inventory/channels`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${publishToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ canary: { version, tenants: ['chaye'] } }),
    });
    expect(put.status).toBe(200);
    const chaye = await signIn(base, 'chaye', 'owner');
    const instances = cluster.topology.bff.map((p) => `http://127.0.0.1:${p}`);
    // Each instance rereads the channels when its copy is over a second old, on its next call.
    await new Promise((resolve) => setTimeout(resolve, 1200));
    for (const instance of instances) await graphql(instance, chaye, '{ warehouses { id } }');
    await new Promise((resolve) => setTimeout(resolve, 300));

    const PRODUCTS = '{ products(first: 3) { name variant } }';
    for (const instance of [base, ...instances, base]) {
      const canary = await graphql(instance, chaye, PRODUCTS);
      expect(canary.failure).toBeUndefined();
      expect(canary.data.products.map((/** @type {{ variant: string }} */ p) => p.variant)).toEqual(
        ['canary', 'canary', 'canary'],
      );
      const stable = await graphql(instance, token, PRODUCTS);
      expect(stable.failure).toBeUndefined();
      expect(stable.data.products.map((/** @type {{ variant: string }} */ p) => p.variant)).toEqual(
        [null, null, null],
      );
    }
  });
});
