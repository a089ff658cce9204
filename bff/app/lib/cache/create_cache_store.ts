import type { CacheStore } from './cache_store.js';
import type { ClusterNodeAddress } from './cluster_nodes.js';
import { createMemoryStore } from './memory_store.js';
import { createRedisClusterStore } from './redis_cluster_store.js';
import { createRedisStore } from './redis_store.js';

/** Options of createCacheStore: the cache settings of MosaicConfig, plus how to tell outages. */
export interface CacheStoreOptions {
  /** `REDIS_URL`: one Redis. */
  redisUrl: string | undefined;
  /** `REDIS_CLUSTER_NODES`: a Redis Cluster's seed nodes. */
  redisClusterNodes: readonly ClusterNodeAddress[] | undefined;
  /** `CACHE_MAX_ENTRIES`: size of the in-memory store when there is no Redis. */
  cacheMaxEntries: number;
  /** Key prefix of every entry (dropped after an outage). */
  prefix: string;
  /** Told once when Redis goes away and once when it is back. */
  onStateChange: (state: 'down' | 'up', detail: string) => void;
}

/** The store the settings ask for: a Redis Cluster, one Redis, or an LRU in this process. */
export function createCacheStore(options: CacheStoreOptions): CacheStore {
  const { redisUrl, redisClusterNodes, prefix, onStateChange } = options;
  if (redisClusterNodes)
    return createRedisClusterStore({ nodes: redisClusterNodes, prefix, onStateChange });
  if (redisUrl) return createRedisStore({ url: redisUrl, prefix, onStateChange });
  return createMemoryStore({ maxEntries: options.cacheMaxEntries });
}
