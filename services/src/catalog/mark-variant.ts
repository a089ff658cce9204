import type { Product } from './product.js';

const isProduct = (value: unknown): value is Product =>
  typeof value === 'object' && value !== null && 'sku' in value && 'id' in value;

/**
 * `body` with `variant` set on every product in it (one product, or a page or batch's `items`):
 * what a canary build of the catalog answers, so a canary tenant can see it reached one.
 */
export function markVariant(body: unknown, variant: string): unknown {
  if (isProduct(body)) return { ...body, variant };
  if (typeof body === 'object' && body !== null && 'items' in body && Array.isArray(body.items)) {
    return {
      ...body,
      items: body.items.map((item: unknown) => (isProduct(item) ? { ...item, variant } : item)),
    };
  }
  return body;
}
