import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTagVersions } from '../app/lib/cache/tag_versions.js';
import type { TagVersions } from '../app/lib/cache/tag_versions.js';
import { startRedis } from './start_redis.js';
import type { TestRedis } from './start_redis.js';

let redis: TestRedis;
const open: { versions: TagVersions; client: Redis }[] = [];

/** One BFF process's view of the versions, on its own connections. */
function aProcess(): TagVersions {
  const client = new Redis(redis.url, { maxRetriesPerRequest: 1 });
  const versions = createTagVersions({ client, prefix: 'test:v1' });
  open.push({ versions, client });
  return versions;
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i += 1) await new Promise((r) => setTimeout(r, 25));
}

beforeAll(async () => {
  redis = await startRedis();
});

afterAll(async () => {
  for (const { versions, client } of open) {
    await versions.close();
    client.disconnect();
  }
  await redis.stop();
});

describe('tag versions shared by two BFF processes', () => {
  it("show one process's write to the other even after Redis lost every version", async () => {
    const writer = aProcess();
    const reader = aProcess();
    await until(() => writer.ready && reader.ready);
    await reader.ensure('xiaomai');
    await writer.bump('xiaomai', ['stock:p1']);
    await until(() => reader.current('xiaomai', 'stock:p1') > 0);
    const before = reader.current('xiaomai', 'stock:p1');
    expect(before).toBeGreaterThan(0);

    // What a master restarted without persistence looks like: the hash is gone, the reader's
    // copy (and its subscription) are not.
    const admin = new Redis(redis.url);
    await admin.flushall();
    admin.disconnect();
    await writer.bump('xiaomai', ['stock:p1']);

    await until(() => reader.current('xiaomai', 'stock:p1') > before);
    expect(reader.current('xiaomai', 'stock:p1')).toBeGreaterThan(before);
  });

  it('keeps versions of different tags apart and counts each bump', async () => {
    const writer = aProcess();
    await until(() => writer.ready);
    await writer.ensure('chaye');
    await writer.bump('chaye', ['product:a']);
    const first = writer.current('chaye', 'product:a');
    await writer.bump('chaye', ['product:a', 'product:a']);
    expect(writer.current('chaye', 'product:a')).toBeGreaterThan(first);
    expect(writer.current('chaye', 'product:b')).toBe(0);
  });
});
