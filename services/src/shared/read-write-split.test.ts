import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startParty } from '../party/start-party.js';
import type { Customer } from '../party/customer.js';
import type { RunningService } from './listen.js';
import type { Page } from './page.js';
import { createTestStorage, type TestStorage } from './test-storage.js';

const url = process.env.TEST_DATABASE_URL;

/** The same server under another database: a stand-in replica whose rows we can tell apart. */
function otherDatabase(base: string, name: string): string {
  const parsed = new URL(base);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

// A replica needs a PostgreSQL server: PGlite has none, and with no replica every read is local.
describe.runIf(url)('given a replica for reads that may be slightly stale', () => {
  const standIn = `replica_${randomBytes(4).toString('hex')}`;
  let storage: TestStorage;
  let party: RunningService;
  let replicaUrl: string;

  beforeAll(async () => {
    storage = await createTestStorage({ name: 'PostgreSQL', databaseUrl: url });
    await admin((client) => client.query(`CREATE DATABASE ${standIn}`));
    replicaUrl = otherDatabase(url as string, standIn);
    // The stand-in gets the same schema and demo data, as a replica would, then falls behind:
    // nothing written later reaches it, so a read that finds a new row read the primary.
    const seed = await startParty({ port: 0, ...storage, databaseUrl: replicaUrl, log: () => {} });
    await seed.close();
    party = await startParty({
      port: 0,
      ...storage,
      databaseReplicaUrl: replicaUrl,
      replicaStickyMs: 60_000,
      log: () => {},
    });
  });

  afterAll(async () => {
    await party?.close();
    await storage?.dispose();
    await admin((client) => client.query(`DROP DATABASE IF EXISTS ${standIn} WITH (FORCE)`));
  });

  function call<T>(
    service: RunningService,
    path: string,
    user: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }> {
    return fetch(`${service.url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'x-tenant-id': 'xiaomai', 'x-user-id': user, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }).then(async (response) => ({ status: response.status, body: (await response.json()) as T }));
  }

  const names = async (service: RunningService, user: string, q: string): Promise<string[]> =>
    (
      await call<Page<Customer>>(service, `/customers?q=${encodeURIComponent(q)}`, user)
    ).body.items.map((c) => c.name);

  it('lists from the replica, looks up and writes on the primary, and shows a writer their own write', async () => {
    const created = await call<Customer>(party, '/customers', 'u-clerk', {
      name: '读写分离客户',
      phone: '13900001111',
    });
    expect(created.status).toBe(201);

    // The writer reads their own write: their lists go to the primary for a while.
    expect(await names(party, 'u-clerk', '读写分离')).toEqual(['读写分离客户']);
    // Someone else's list may be slightly stale: it came from the replica, which lacks the row.
    expect(await names(party, 'u-owner', '读写分离')).toEqual([]);
    // A single lookup is not a list: it reads the primary.
    const one = await call<Customer>(party, `/customers/${created.body.id}`, 'u-owner');
    expect(one.body.name).toBe('读写分离客户');
    // The operation log is a list too: the writer sees their row.
    const log = await call<Page<{ entityId: string }>>(
      party,
      '/operations?entity=customer',
      'u-clerk',
    );
    expect(log.body.items[0]?.entityId).toBe(created.body.id);
  });

  it('answers from the primary when the replica is down, without a failed request', async () => {
    const lost = await startParty({
      port: 0,
      ...storage,
      // Nothing listens on port 9 (discard): the replica cannot be reached.
      databaseReplicaUrl: otherDatabase('postgres://127.0.0.1:9/', standIn),
      log: () => {},
    });
    try {
      const answer = await call<Page<Customer>>(lost, '/customers?q=读写分离', 'u-owner');
      expect(answer.status).toBe(200);
      expect(answer.body.items.map((c) => c.name)).toEqual(['读写分离客户']);
      // And again, now skipping the replica for a while.
      expect(await names(lost, 'u-owner', '读写分离')).toEqual(['读写分离客户']);
    } finally {
      await lost.close();
    }
  });
});

const streamingReplica = process.env.TEST_DATABASE_REPLICA_URL;

describe.runIf(url && streamingReplica)('given a real streaming replica', () => {
  let storage: TestStorage;
  let party: RunningService;

  beforeAll(async () => {
    storage = await createTestStorage({ name: 'PostgreSQL', databaseUrl: url });
    party = await startParty({
      port: 0,
      ...storage,
      databaseReplicaUrl: streamingReplica,
      log: () => {},
    });
  });

  afterAll(async () => {
    await party?.close();
    await storage?.dispose();
  });

  it('shows another user a write once the replica has replayed it', async () => {
    const headers = { 'x-tenant-id': 'xiaomai', 'content-type': 'application/json' };
    const created = await fetch(`${party.url}/customers`, {
      method: 'POST',
      headers: { ...headers, 'x-user-id': 'u-clerk' },
      body: JSON.stringify({ name: '流复制客户', phone: '13900002222' }),
    });
    expect(created.status).toBe(201);
    await expect
      .poll(async () => {
        const response = await fetch(`${party.url}/customers?q=${encodeURIComponent('流复制')}`, {
          headers: { ...headers, 'x-user-id': 'u-owner' },
        });
        return ((await response.json()) as Page<Customer>).items.map((c) => c.name);
      })
      .toEqual(['流复制客户']);
  });
});
