import { describe, expect, it } from 'vitest';
import { pathInApp } from './use-app-route.js';

describe('pathInApp', () => {
  it('strips the base path', () => {
    expect(pathInApp('/sales', '/sales/orders/7')).toBe('/orders/7');
    expect(pathInApp('/sales', '/sales')).toBe('/');
    expect(pathInApp('/sales/', '/sales/')).toBe('/');
  });

  it('does not match another app that shares a prefix', () => {
    expect(pathInApp('/shop', '/shopping/x')).toBe('/');
  });

  it('keeps the whole path under the root base path of a standalone app', () => {
    expect(pathInApp('/', '/cart')).toBe('/cart');
  });
});
