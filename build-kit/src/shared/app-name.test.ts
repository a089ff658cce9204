import { describe, expect, it } from 'vitest';
import { assertValidAppName, microAppGlobalName } from './app-name.js';
import { isProtocolCompatible, protocolAtLeast } from './protocol.js';

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

describe('protocolAtLeast', () => {
  it('knows an app of this minor or a later one of the same major has the feature', () => {
    expect(protocolAtLeast('1.6.0', '1.6')).toBe(true);
    expect(protocolAtLeast('1.12.1', '1.6')).toBe(true);
  });

  it('says no for an earlier minor, another major or a version it cannot read', () => {
    expect(protocolAtLeast('1.5.9', '1.6')).toBe(false);
    expect(protocolAtLeast('2.6.0', '1.6')).toBe(false);
    expect(protocolAtLeast('latest', '1.6')).toBe(false);
  });
});
