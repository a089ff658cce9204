import type { Cluster, Redis } from 'ioredis';

/** One entry to write, with its time to live. */
export interface CacheEntry {
  key: string;
  value: string;
  ttlSeconds: number;
}

/**
 * Where cached entities live: a Redis Cluster (`REDIS_CLUSTER_NODES`), one Redis (`REDIS_URL`),
 * else a bounded in-memory LRU. Methods reject when the store is unreachable; the entity cache
 * then answers from the services. The keys of one call share one `{tenant}` hash tag, so a
 * cluster serves each call from one slot (multi-key commands stay legal).
 */
export interface CacheStore {
  readonly kind: 'redis' | 'memory';
  mget(keys: readonly string[]): Promise<(string | null)[]>;
  mset(entries: readonly CacheEntry[]): Promise<void>;
  del(keys: readonly string[]): Promise<void>;
  /** The Redis client itself (response cache, tag versions, pub/sub); absent in memory. */
  readonly client?: Redis | Cluster;
  /** True when the store answers now (for /readyz). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
