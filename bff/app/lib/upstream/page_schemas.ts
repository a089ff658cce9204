import { z } from 'zod';

const pages = new WeakMap<z.ZodType, z.ZodType>();
const lists = new WeakMap<z.ZodType, z.ZodType>();

/**
 * `{items, nextCursor}`: one page of any upstream list endpoint. Made once per item schema: zod 4
 * compiles a parser per schema object, so one built per call parses ~4× slower.
 */
export function pageOf<T extends z.ZodType>(item: T) {
  let page = pages.get(item);
  if (!page) {
    page = z.object({ items: z.array(item), nextCursor: z.string().nullable() });
    pages.set(item, page);
  }
  return page as z.ZodObject<{ items: z.ZodArray<T>; nextCursor: z.ZodNullable<z.ZodString> }>;
}

/** `{items}`: the answer of a batch lookup, made once per item schema (see pageOf). */
export function itemsOf<T extends z.ZodType>(item: T) {
  let list = lists.get(item);
  if (!list) {
    list = z.object({ items: z.array(item) });
    lists.set(item, list);
  }
  return list as z.ZodObject<{ items: z.ZodArray<T> }>;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** `?limit=&cursor=&…` for a list endpoint, leaving out unset filters. */
export function pageQuery(params: Record<string, string | number | undefined | null>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') query.set(key, String(value));
  }
  return query.toString();
}

/** Split ids into upstream-sized batches (services take at most 200 ids per call). */
export function chunk<T>(items: readonly T[], size = 200): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
