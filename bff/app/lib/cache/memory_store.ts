import { LRUCache } from 'lru-cache';
import type { CacheStore } from './cache_store.js';

/** Options of createMemoryStore. */
export interface MemoryStoreOptions {
  /** Most entries kept; the least recently used go first; 0 keeps nothing. @default 10000 */
  maxEntries?: number;
}

/** The cache without Redis: one bounded LRU per process, with a TTL per entry. */
export function createMemoryStore(options: MemoryStoreOptions = {}): CacheStore {
  // 0 turns the cache off: every lookup goes to the services (how `pnpm bench` measures cold).
  if (options.maxEntries === 0) return noStore;
  const lru = new LRUCache<string, string>({ max: options.maxEntries ?? 10_000 });
  return {
    kind: 'memory',
    async mget(keys) {
      return keys.map((key) => lru.get(key) ?? null);
    },
    async mset(entries) {
      for (const { key, value, ttlSeconds } of entries)
        lru.set(key, value, { ttl: ttlSeconds * 1000 });
    },
    async del(keys) {
      for (const key of keys) lru.delete(key);
    },
    async ping() {
      return true;
    },
    async close() {
      lru.clear();
    },
  };
}

const noStore: CacheStore = {
  kind: 'memory',
  mget: async (keys) => keys.map(() => null),
  mset: async () => {},
  del: async () => {},
  ping: async () => true,
  close: async () => {},
};
