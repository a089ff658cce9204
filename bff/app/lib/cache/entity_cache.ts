import type { BffMetrics } from '../metrics.js';
import type { CacheStore } from './cache_store.js';
import { CACHE_TTL_SECONDS } from './cache_ttl.js';
import type { CachedType } from './cache_ttl.js';

/** Counts of one request's lookups, for its access log line. */
export interface CacheTally {
  hits: number;
  misses: number;
  /** Told which entities the request read (hit or fetched), so its answer can be tagged. */
  onRead?: (type: CachedType, ids: readonly string[]) => void;
}

/**
 * (Thrown only when something was found: otherwise the fetch's own error is.)
 * A batch whose fetch failed after some entities were found in the store: the found ones are
 * still good (a failed batch must not null values the cache had), the rest failed with `cause`.
 */
export class PartialBatchError extends Error {
  constructor(
    readonly found: Map<string, unknown>,
    override readonly cause: unknown,
  ) {
    super('some entities could not be fetched', { cause });
  }
}

/** Options of createEntityCache. */
export interface EntityCacheOptions {
  store: CacheStore;
  metrics: BffMetrics;
  /** Key prefix, so several deployments can share one Redis. @default 'mosaic:v1' */
  prefix?: string;
  /** Called (and awaited) with every invalidation: whole answers built on them go too. */
  onInvalidate?: (type: CachedType, tenant: string, ids: readonly string[]) => Promise<void>;
}

/** Fetch the entities for ids that missed; absent ids are not found (and not cached). */
export type FetchMany<V> = (ids: string[]) => Promise<Map<string, V>>;

export interface EntityCache {
  readonly store: CacheStore;
  /**
   * Entities of one type for one tenant: cached ones from the store, the rest from one `fetch`
   * call. Concurrent callers missing the same key share one fetch (stampede protection). A
   * failing store is skipped, never fatal.
   */
  getMany<V>(
    type: CachedType,
    tenant: string,
    ids: readonly string[],
    fetch: FetchMany<V>,
    tally?: CacheTally,
  ): Promise<Map<string, V>>;
  /** Forget these entities, so the next read goes to the service. */
  invalidate(type: CachedType, tenant: string, ids: readonly string[]): Promise<void>;
}

interface Flight {
  promise: Promise<Map<string, unknown>>;
  /** Keys invalidated while this fetch ran: their answers may be stale and are not stored. */
  stale: Set<string>;
}

export function createEntityCache(options: EntityCacheOptions): EntityCache {
  const { store, metrics, prefix = 'mosaic:v1', onInvalidate } = options;
  const inFlight = new Map<string, Flight>();
  // Braces make every key of a tenant hash to one Redis Cluster slot.
  const keyOf = (type: CachedType, tenant: string, id: string): string =>
    `${prefix}:{${tenant}}:${type}:${id}`;

  async function readStore(keys: string[]): Promise<(string | null)[]> {
    try {
      return await store.mget(keys);
    } catch {
      metrics.cacheErrors.inc({ store: store.kind });
      return keys.map(() => null);
    }
  }

  async function writeStore(type: CachedType, entries: { key: string; value: unknown }[]) {
    try {
      const ttlSeconds = CACHE_TTL_SECONDS[type];
      await store.mset(
        entries.map(({ key, value }) => ({ key, value: JSON.stringify(value), ttlSeconds })),
      );
    } catch {
      metrics.cacheErrors.inc({ store: store.kind });
    }
  }

  return {
    store,
    async getMany<V>(
      type: CachedType,
      tenant: string,
      ids: readonly string[],
      fetch: FetchMany<V>,
      tally?: CacheTally,
    ): Promise<Map<string, V>> {
      const unique = [...new Set(ids)];
      const keys = unique.map((id) => keyOf(type, tenant, id));
      const cached = await readStore(keys);
      const result = new Map<string, V>();
      const waits: Promise<void>[] = [];
      let waitFailure: { cause: unknown } | undefined;
      const toFetch: string[] = [];
      unique.forEach((id, i) => {
        const raw = cached[i];
        if (raw != null) {
          result.set(id, JSON.parse(raw) as V);
          return;
        }
        const flight = inFlight.get(keys[i] as string);
        if (flight) {
          waits.push(
            flight.promise.then(
              (found) => {
                if (found.has(id)) result.set(id, found.get(id) as V);
              },
              (cause: unknown) => {
                waitFailure = { cause };
              },
            ),
          );
        } else toFetch.push(id);
      });
      const hits = result.size;
      const misses = unique.length - hits;
      metrics.cacheLookups.inc({ type, result: 'hit' }, hits);
      metrics.cacheLookups.inc({ type, result: 'miss' }, misses);
      if (tally) {
        tally.hits += hits;
        tally.misses += misses;
        tally.onRead?.(type, unique);
      }

      if (toFetch.length > 0) {
        const flight: Flight = { promise: fetch(toFetch), stale: new Set() };
        const flightKeys = toFetch.map((id) => keyOf(type, tenant, id));
        for (const key of flightKeys) inFlight.set(key, flight);
        try {
          let found: Map<string, V>;
          try {
            found = (await flight.promise) as Map<string, V>;
          } catch (err) {
            await Promise.all(waits);
            throw result.size > 0 ? new PartialBatchError(result, err) : err;
          }
          for (const [id, value] of found) result.set(id, value as V);
          const fresh = toFetch
            .filter((id) => found.has(id))
            .map((id) => ({ key: keyOf(type, tenant, id), value: found.get(id) }))
            .filter(({ key }) => !flight.stale.has(key));
          await writeStore(type, fresh);
        } finally {
          for (const key of flightKeys) if (inFlight.get(key) === flight) inFlight.delete(key);
        }
      }
      await Promise.all(waits);
      if (waitFailure) {
        throw result.size > 0
          ? new PartialBatchError(result, waitFailure.cause)
          : waitFailure.cause;
      }
      return result;
    },

    async invalidate(type, tenant, ids) {
      const retired = onInvalidate?.(type, tenant, ids);
      const keys = ids.map((id) => keyOf(type, tenant, id));
      for (const key of keys) {
        const flight = inFlight.get(key);
        if (flight) {
          flight.stale.add(key);
          inFlight.delete(key);
        }
      }
      try {
        await store.del(keys);
      } catch {
        metrics.cacheErrors.inc({ store: store.kind });
      }
      await retired;
    },
  };
}
