import { createHash } from 'node:crypto';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True when `value` is shaped like a UUID, so it can be bound to a `uuid` column safely. */
export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}

/**
 * A name-based (version 5 style, SHA-1) UUID. Both services derive the same product id from
 * tenant + sku, so they can seed consistent data without calling each other.
 */
export function deterministicUuid(...parts: string[]): string {
  const hash = createHash('sha1')
    .update(['mosaic', ...parts].join('\u0000'))
    .digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** The id of a tenant's product, derived from its sku. */
export function productIdFor(tenantId: string, sku: string): string {
  return deterministicUuid('product', tenantId, sku);
}

/** The id of a tenant's warehouse, derived from its code. */
export function warehouseIdFor(tenantId: string, code: string): string {
  return deterministicUuid('warehouse', tenantId, code);
}
