import { describe, expect, it } from 'vitest';
import { matchRoute, productPath } from './routes.js';

describe('matchRoute', () => {
  it('opens the list at the root and at /products', () => {
    expect(matchRoute('/')).toEqual({ name: 'list' });
    expect(matchRoute('/products')).toEqual({ name: 'list' });
  });

  it('deep-links to a product, its edit form and the new-product form', () => {
    expect(matchRoute('/products/p-1')).toEqual({ name: 'detail', id: 'p-1' });
    expect(matchRoute('/products/p-1/edit')).toEqual({ name: 'edit', id: 'p-1' });
    expect(matchRoute('/products/new')).toEqual({ name: 'new' });
  });

  it("deep-links to the owner's Activity screen", () => {
    expect(matchRoute('/activity')).toEqual({ name: 'activity' });
    expect(matchRoute('/activity/x')).toEqual({ name: 'not-found' });
  });

  it('round-trips ids that need escaping', () => {
    expect(matchRoute(productPath('a/b c'))).toEqual({ name: 'detail', id: 'a/b c' });
  });

  it('says not-found for anything else', () => {
    expect(matchRoute('/warehouses')).toEqual({ name: 'not-found' });
    expect(matchRoute('/products/p-1/delete')).toEqual({ name: 'not-found' });
  });
});
