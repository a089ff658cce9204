import { describe, expect, it } from 'vitest';
import { DEMO_TENANTS, ean13 } from './demo-data.js';

describe('demo data', () => {
  it('computes EAN-13 check digits', () => {
    expect(ean13('400638133393')).toBe('4006381333931');
  });

  it('has unique skus and barcodes across every tenant', () => {
    const products = DEMO_TENANTS.flatMap((tenant) => tenant.products);
    expect(new Set(products.map((product) => product.sku)).size).toBe(products.length);
    expect(new Set(products.map((product) => product.barcode)).size).toBe(products.length);
  });

  it('gives xiaomai some 200 products and chaye a smaller, different set', () => {
    const [xiaomai, chaye] = DEMO_TENANTS;
    expect(xiaomai?.products.length).toBeGreaterThanOrEqual(200);
    expect(chaye?.products.length).toBeLessThan(50);
    for (const tenant of DEMO_TENANTS) {
      const names = tenant.products.map((product) => product.name);
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it('stocks only warehouses the tenant has', () => {
    for (const tenant of DEMO_TENANTS) {
      const codes = tenant.warehouses.map((warehouse) => warehouse.code).sort();
      for (const product of tenant.products) {
        expect(Object.keys(product.stock).sort()).toEqual(codes);
      }
    }
  });
});
