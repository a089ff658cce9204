import type { Cluster, Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';
import type { StoreState } from '../cache/store_state.js';

/** Options of {@link createKnownAddresses}. */
export interface KnownAddressesOptions {
  /** Shared Redis; null remembers in this process only. */
  redis: Redis | Cluster | null;
  /** Keys are `<keyPrefix>:<pair>` in Redis. */
  keyPrefix: string;
  /** Told when Redis fails or answers again (shared with the limiters). */
  outage: StoreState;
  /** How long a successful sign-in makes its address known. @default 30 days */
  ttlSeconds?: number;
  /** Most pairs kept in memory (without Redis, or while it is away). @default 100000 */
  maxInMemory?: number;
}

/** Account + address pairs that have signed in successfully (digests only). */
export interface KnownAddresses {
  has(pair: string): Promise<boolean>;
  add(pair: string): Promise<void>;
}

/**
 * Where each account has signed in from: one Redis key per pair (one slot in a cluster), kept
 * `ttlSeconds` after the last success. This process's memory holds the pairs it saw too, so a
 * Redis outage does not lock owners out of what this instance knows.
 */
export function createKnownAddresses(options: KnownAddressesOptions): KnownAddresses {
  const { redis, keyPrefix, outage, ttlSeconds = 30 * 24 * 3600, maxInMemory = 100_000 } = options;
  const local = new LRUCache<string, true>({ max: maxInMemory, ttl: ttlSeconds * 1000 });
  const key = (pair: string): string => `${keyPrefix}:${pair}`;
  return {
    async has(pair) {
      if (local.has(pair)) return true;
      if (!redis) return false;
      try {
        const known = (await redis.exists(key(pair))) === 1;
        outage.up('rate-limit counters answer again');
        if (known) local.set(pair, true);
        return known;
      } catch (err) {
        outage.down(err instanceof Error ? err.message : String(err));
        return false;
      }
    },
    async add(pair) {
      local.set(pair, true);
      if (!redis) return;
      try {
        await redis.set(key(pair), '1', 'EX', ttlSeconds);
      } catch (err) {
        outage.down(err instanceof Error ? err.message : String(err));
      }
    },
  };
}
