import { z } from 'zod';
import { encodeCursor } from './cursor.js';

/** Largest page and largest batch any endpoint accepts. */
export const MAX_BATCH = 200;

/** `?limit=&cursor=` of every list endpoint; extend it with the endpoint's own filters. */
export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_BATCH).default(50),
  cursor: z.string().min(1).max(512).optional(),
});

/** `{ids: [...]}`-style bodies: 1..MAX_BATCH non-empty strings. */
export const batchIds = z.array(z.string().min(1).max(64)).min(1).max(MAX_BATCH);

/** One page of a list endpoint. */
export interface Page<T> {
  items: T[];
  /** Pass back as `cursor` for the next page; null on the last one. */
  nextCursor: string | null;
}

/**
 * Turns `limit + 1` rows into a page: the extra row only says another page exists, so no count
 * query is needed. `keyOf` gives the sort key the next page starts after.
 */
export function toPage<T>(rows: T[], limit: number, keyOf: (row: T) => string): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}
