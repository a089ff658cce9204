/**
 * Time to live per cached entity type, in seconds. Writes through the BFF invalidate at once;
 * the TTL bounds staleness for changes made behind its back (another instance's in-flight read,
 * a service written to directly). Stock and orders change often, products and customers rarely.
 */
export const CACHE_TTL_SECONDS = {
  product: 300,
  categories: 300,
  price: 60,
  stock: 15,
  warehouses: 600,
  customer: 300,
  order: 30,
  // A tenant's grants: a grant through any BFF drops them at once (Redis: every instance); the
  // TTL bounds how long a process without Redis (one of several workers) may lag behind.
  roles: 60,
  user: 300,
  tenant: 600,
} as const;

export type CachedType = keyof typeof CACHE_TTL_SECONDS;

/** What a list read from each service may show, for as long as its most volatile entity. */
const LIST_TTL_SECONDS: Record<string, number> = {
  catalog: CACHE_TTL_SECONDS.product,
  pricing: CACHE_TTL_SECONDS.price,
  inventory: CACHE_TTL_SECONDS.stock,
  party: CACHE_TTL_SECONDS.customer,
  sales: CACHE_TTL_SECONDS.order,
};

/** No whole answer is kept longer than this, whatever it read. */
const MAX_ANSWER_TTL_SECONDS = 60;

/**
 * How long a whole GraphQL answer may be kept: the shortest TTL of what it read (`stock:p1` → 15 s,
 * `list:sales` → 30 s). Writes through the BFF retire answers at once; this bounds the staleness of
 * changes that bypass it.
 */
export function ttlForTags(tags: Iterable<string>): number {
  let ttl = MAX_ANSWER_TTL_SECONDS;
  for (const tag of tags) {
    const colon = tag.indexOf(':');
    const kind = tag.slice(0, colon);
    const seconds =
      kind === 'list'
        ? (LIST_TTL_SECONDS[tag.slice(colon + 1)] ?? CACHE_TTL_SECONDS.stock)
        : (CACHE_TTL_SECONDS[kind as CachedType] ?? CACHE_TTL_SECONDS.stock);
    if (seconds < ttl) ttl = seconds;
  }
  return ttl;
}

/** The service whose list reads an entity type feeds (a changed stock level moves the low-stock list). */
export const SERVICE_OF_TYPE: Partial<Record<CachedType, string>> = {
  product: 'catalog',
  categories: 'catalog',
  price: 'pricing',
  stock: 'inventory',
  warehouses: 'inventory',
  customer: 'party',
  order: 'sales',
};
