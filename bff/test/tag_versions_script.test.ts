// What a bump costs on the wire: the bump script's text goes to Redis once per connection, and
// each later bump sends only its sha (EVALSHA); a Redis that lost its scripts is sent the text
// again. Seen with MONITOR on a real Redis, single node and cluster.
import { randomUUID } from 'node:crypto';
import { Cluster, Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTagVersions } from '../app/lib/cache/tag_versions.js';
import { startRedis } from './start_redis.js';
import type { TestRedis } from './start_redis.js';
import { startRedisCluster } from './start_redis_cluster.js';
import type { TestRedisCluster } from './start_redis_cluster.js';

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i += 1) await new Promise((r) => setTimeout(r, 25));
}

/** The scripting commands (`eval` or `evalsha`) Redis at `url` runs on keys under `prefix`. */
async function watchScripts(
  url: string,
  prefix: string,
): Promise<{ seen: string[]; stop(): void }> {
  const admin = new Redis(url);
  const monitor = await admin.monitor();
  const seen: string[] = [];
  monitor.on('monitor', (_time: string, args: string[]) => {
    const name = String(args[0]).toLowerCase();
    if ((name === 'eval' || name === 'evalsha') && String(args[3]).startsWith(prefix))
      seen.push(name);
  });
  return {
    seen,
    stop() {
      monitor.disconnect();
      admin.disconnect();
    },
  };
}

describe('given a single Redis', () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis.stop();
  });

  it('sends the bump script once, then only its sha', async () => {
    const prefix = `test:${randomUUID()}`;
    const client = new Redis(redis.url, { maxRetriesPerRequest: 1 });
    const versions = createTagVersions({ client, prefix });
    await until(() => versions.ready);
    // Watched once the client is connected: a connection's handshake seen while MONITOR itself
    // starts trips ioredis ("Command queue state error").
    const watch = await watchScripts(redis.url, prefix);
    for (let i = 1; i <= 5; i += 1) await versions.bump('xiaomai', [`stock:p${i}`]);
    await until(() => watch.seen.length >= 5);
    watch.stop();
    await versions.close();
    client.disconnect();
    expect(watch.seen).toEqual(['eval', 'evalsha', 'evalsha', 'evalsha', 'evalsha']);
  });

  it('still bumps after Redis lost its scripts, sending the text again', async () => {
    const prefix = `test:${randomUUID()}`;
    const client = new Redis(redis.url, { maxRetriesPerRequest: 1 });
    const versions = createTagVersions({ client, prefix });
    await until(() => versions.ready);
    await versions.ensure('chaye');
    await versions.bump('chaye', ['list:catalog']);
    const before = versions.current('chaye', 'list:catalog');
    const admin = new Redis(redis.url);
    await admin.script('FLUSH');
    admin.disconnect();
    const watch = await watchScripts(redis.url, prefix);
    await versions.bump('chaye', ['list:catalog']);
    await until(() => watch.seen.length >= 2);
    watch.stop();
    expect(versions.current('chaye', 'list:catalog')).toBeGreaterThan(before);
    // The sha first (NOSCRIPT), then the text.
    expect(watch.seen).toEqual(['evalsha', 'eval']);
    await versions.close();
    client.disconnect();
  });
});

describe('given a Redis Cluster', () => {
  let cluster: TestRedisCluster;
  beforeAll(async () => {
    cluster = await startRedisCluster();
    await cluster.waitUntilOk();
  }, 60_000);
  afterAll(async () => {
    await cluster.stop();
  });

  it("runs the bump on the master of the tenant's slot, sending the script once", async () => {
    const prefix = `test:${randomUUID()}`;
    const client = new Cluster(
      cluster.nodes.map((node) => ({ host: '127.0.0.1', port: node.port })),
      { redisOptions: { maxRetriesPerRequest: 1 } },
    );
    const versions = createTagVersions({ client, prefix });
    const owner = await cluster.ownerOf(`${prefix}:{xiaomai}:tags`);
    await until(() => versions.ready);
    await versions.ensure('xiaomai');
    // Watched once the owner's connection is up (see the single Redis test).
    const watch = await watchScripts(`redis://127.0.0.1:${owner}`, prefix);
    for (let i = 1; i <= 3; i += 1) await versions.bump('xiaomai', [`stock:p${i}`]);
    await until(() => watch.seen.length >= 3);
    watch.stop();
    expect(versions.current('xiaomai', 'stock:p3')).toBeGreaterThan(0);
    expect(watch.seen).toEqual(['eval', 'evalsha', 'evalsha']);
    await versions.close();
    client.disconnect();
  });
});
