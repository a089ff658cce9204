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
  roles: 600,
  user: 300,
  tenant: 600,
} as const;

export type CachedType = keyof typeof CACHE_TTL_SECONDS;
