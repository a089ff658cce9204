import type { Context } from 'egg';
import type { CachedType } from '../cache/cache_ttl.js';
import { cacheTallyOf } from '../http/request_state.js';
import { chunk } from './page_schemas.js';

/**
 * Entities by id through the entity cache: hits from the store, misses from `fetchChunk` called
 * once per 200 ids (the services' batch limit), shared with concurrent requests missing the same.
 */
export function cachedBatch<V>(
  ctx: Context,
  type: CachedType,
  tenantId: string,
  ids: readonly string[],
  fetchChunk: (ids: string[]) => Promise<V[]>,
  keyOf: (value: V) => string,
): Promise<Map<string, V>> {
  return ctx.app.mosaicRuntime.cache.getMany(
    type,
    tenantId,
    ids,
    async (missing) => {
      const found = new Map<string, V>();
      for (const part of chunk(missing)) {
        for (const value of await fetchChunk(part)) found.set(keyOf(value), value);
      }
      return found;
    },
    cacheTallyOf(ctx),
  );
}
