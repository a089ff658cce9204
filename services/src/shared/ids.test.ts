import { describe, expect, it } from 'vitest';
import { deterministicUuid, isUuid, productIdFor } from './ids.js';

describe('productIdFor', () => {
  it('gives the same id for the same tenant and sku', () => {
    expect(productIdFor('xiaomai', 'XM-DRK-001')).toBe(productIdFor('xiaomai', 'XM-DRK-001'));
  });

  it('gives different ids to the same sku in different tenants', () => {
    expect(productIdFor('xiaomai', 'A-1')).not.toBe(productIdFor('chaye', 'A-1'));
  });

  it('is shaped like an RFC 4122 version 5 UUID', () => {
    const id = deterministicUuid('x');
    expect(isUuid(id)).toBe(true);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
