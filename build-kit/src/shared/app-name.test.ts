import { describe, expect, it } from 'vitest';
import { assertValidAppName, microAppGlobalName } from './app-name.js';
import { isProtocolCompatible } from './protocol.js';

describe('microAppGlobalName', () => {
  it('gives a valid JS identifier for slug names', () => {
    expect(microAppGlobalName('inventory')).toBe('mosaic_inventory');
    expect(microAppGlobalName('stock-count')).toBe('mosaic_stock_count');
  });
});

describe('assertValidAppName', () => {
  it('rejects names that are not slugs', () => {
    expect(() => assertValidAppName('Inventory')).toThrow(/lowercase slug/);
    expect(() => assertValidAppName('inventory')).not.toThrow();
  });
});

describe('isProtocolCompatible', () => {
  it('accepts the same major and refuses another', () => {
    expect(isProtocolCompatible('1.4.2', '1.0.0')).toBe(true);
    expect(isProtocolCompatible('2.0.0', '1.0.0')).toBe(false);
    expect(isProtocolCompatible('nope', '1.0.0')).toBe(false);
  });
});
