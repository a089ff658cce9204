import { describe, expect, it } from 'vitest';
import { createMetrics } from '../metrics.js';
import type { CacheStore } from './cache_store.js';
import { PartialBatchError, createEntityCache } from './entity_cache.js';
import { createMemoryStore } from './memory_store.js';

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('the entity cache', () => {
  it('fetches concurrent misses of one key once', async () => {
    const cache = createEntityCache({ store: createMemoryStore(), metrics: createMetrics() });
    let fetches = 0;
    const fetch = async (ids: string[]) => {
      fetches += 1;
      return new Map(ids.map((id) => [id, { id }]));
    };
    const results = await Promise.all(
      Array.from({ length: 10 }, () => cache.getMany('product', 't1', ['a'], fetch)),
    );
    expect(fetches).toBe(1);
    expect(results.every((r) => r.get('a')?.id === 'a')).toBe(true);
  });

  it('keeps what it had when the fetch of the rest fails', async () => {
    const cache = createEntityCache({ store: createMemoryStore(), metrics: createMetrics() });
    await cache.getMany('price', 't1', ['a'], async () => new Map([['a', 'cached']]));
    const outage = new Error('pricing is down');
    const failing = async (): Promise<Map<string, string>> => Promise.reject(outage);
    const error = await cache.getMany('price', 't1', ['a', 'b'], failing).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PartialBatchError);
    expect((error as PartialBatchError).found.get('a')).toBe('cached');
    expect((error as PartialBatchError).cause).toBe(outage);
    // Nothing found at all: the fetch's own error, as before.
    await expect(cache.getMany('price', 't1', ['c'], failing)).rejects.toBe(outage);
  });

  it('keeps tenants apart', async () => {
    const cache = createEntityCache({ store: createMemoryStore(), metrics: createMetrics() });
    await cache.getMany('product', 't1', ['a'], async () => new Map([['a', 'one']]));
    const other = await cache.getMany('product', 't2', ['a'], async () => new Map([['a', 'two']]));
    expect(other.get('a')).toBe('two');
  });

  it('does not store an answer that an invalidation overtook', async () => {
    const cache = createEntityCache({ store: createMemoryStore(), metrics: createMetrics() });
    const slow = deferred<Map<string, string>>();
    const started = deferred<void>();
    const first = cache.getMany('stock', 't1', ['a'], () => {
      started.resolve();
      return slow.promise;
    });
    await started.promise; // the read is at the service when the write lands
    await cache.invalidate('stock', 't1', ['a']);
    slow.resolve(new Map([['a', 'stale']]));
    expect((await first).get('a')).toBe('stale');
    const next = await cache.getMany('stock', 't1', ['a'], async () => new Map([['a', 'fresh']]));
    expect(next.get('a')).toBe('fresh');
  });

  it('answers from the fetch when the store fails', async () => {
    const broken: CacheStore = {
      kind: 'redis',
      mget: () => Promise.reject(new Error('down')),
      mset: () => Promise.reject(new Error('down')),
      del: () => Promise.reject(new Error('down')),
      ping: async () => false,
      close: async () => undefined,
    };
    const cache = createEntityCache({ store: broken, metrics: createMetrics() });
    const found = await cache.getMany('product', 't1', ['a'], async () => new Map([['a', 1]]));
    expect(found.get('a')).toBe(1);
    await expect(cache.invalidate('product', 't1', ['a'])).resolves.toBeUndefined();
  });
});
