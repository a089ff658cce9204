import type { Cluster, Redis } from 'ioredis';
import type { CacheStore } from './cache_store.js';

/**
 * Fail-fast settings of every connection, single node or cluster node: one attempt per command,
 * a command timeout so a hung Redis never stalls a query, and a capped reconnect backoff.
 */
export function failFastOptions(commandTimeoutMs: number): {
  connectTimeout: number;
  commandTimeout: number;
  maxRetriesPerRequest: number;
} {
  return { connectTimeout: 1000, commandTimeout: commandTimeoutMs, maxRetriesPerRequest: 0 };
}

/** Reconnect delay in ms after `attempt` failed attempts: 100, 200, … at most 1 s. */
export const reconnectBackoff = (attempt: number): number => Math.min(attempt * 100, 1000);

/**
 * The cache commands over one client, single node or cluster. Every call's keys share one
 * `{tenant}` hash tag (entity_cache.ts builds them so), so MGET, DEL and MULTI stay in one slot
 * and are legal in a Redis Cluster.
 */
export function redisCommands(client: Redis | Cluster): Pick<CacheStore, 'mget' | 'mset' | 'del'> {
  return {
    async mget(keys) {
      return keys.length === 0 ? [] : client.mget(...keys);
    },
    async mset(entries) {
      if (entries.length === 0) return;
      const transaction = client.multi();
      for (const { key, value, ttlSeconds } of entries)
        transaction.set(key, value, 'EX', ttlSeconds);
      const results = await transaction.exec();
      const failed = results?.find(([err]) => err);
      if (failed?.[0]) throw failed[0];
    },
    async del(keys) {
      if (keys.length > 0) await client.del(...keys);
    },
  };
}

/**
 * Delete every key matching `pattern` on each of these nodes (a single Redis, or every master of
 * a cluster), in batches: SCAN, never KEYS. One UNLINK per key, pipelined, because the keys one
 * SCAN batch finds on a cluster node may sit in different slots (a multi-key UNLINK would fail
 * with CROSSSLOT).
 */
export async function dropMatching(nodes: readonly Redis[], pattern: string): Promise<void> {
  await Promise.all(
    nodes.map(async (node) => {
      let cursor = '0';
      do {
        const [next, keys] = await node.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
        if (keys.length > 0) await node.pipeline(keys.map((key) => ['unlink', key])).exec();
        cursor = next;
      } while (cursor !== '0');
    }),
  );
}
