import { describe, expect, it } from 'vitest';
import { markVariant } from './mark-variant.js';

const product = { id: 'p1', sku: 'A-1', name: 'Tea', category: 'drinks', unit: '瓶' };

describe('given a canary build of the catalog', () => {
  it('marks one product, and every product of a page or batch', () => {
    expect(markVariant(product, 'canary')).toEqual({ ...product, variant: 'canary' });
    expect(markVariant({ items: [product], nextCursor: null }, 'canary')).toEqual({
      items: [{ ...product, variant: 'canary' }],
      nextCursor: null,
    });
  });

  it('leaves answers without products alone', () => {
    const categories = { items: [{ id: 'c1', name: 'drinks', productCount: 3 }] };
    expect(markVariant(categories, 'canary')).toEqual(categories);
    expect(markVariant({ error: { code: 'NOT_FOUND' } }, 'canary')).toEqual({
      error: { code: 'NOT_FOUND' },
    });
  });
});
