import { describe, expect, it } from 'vitest';
import { bucketOf, isCanaryTenant, versionFor } from './channels.js';

const tenants = Array.from({ length: 1000 }, (_, i) => `tenant-${i}`);

describe('percent canaries', () => {
  it('always put the same tenant in the same bucket', () => {
    for (const tenant of tenants.slice(0, 50)) {
      expect(bucketOf('inventory', tenant)).toBe(bucketOf('inventory', tenant));
    }
  });

  it('reach roughly percent% of 1000 tenants', () => {
    for (const percent of [1, 10, 25, 50]) {
      const canary = { version: '2.0.0', tenants: [], percent };
      const inCanary = tenants.filter((t) => isCanaryTenant('inventory', canary, t)).length;
      // Binomial spread for n=1000: 3 standard deviations.
      const spread = 3 * Math.sqrt(1000 * (percent / 100) * (1 - percent / 100));
      expect(Math.abs(inCanary - percent * 10)).toBeLessThanOrEqual(spread);
    }
  });

  it('grow by adding tenants, never by swapping them', () => {
    const at = (percent: number): string[] =>
      tenants.filter((t) => isCanaryTenant('sales', { version: '1.0.0', tenants: [], percent }, t));
    const ten = at(10);
    expect(at(20)).toEqual(expect.arrayContaining(ten));
  });

  it('reach nobody at 0% and everybody at 100%', () => {
    expect(
      tenants.some((t) => isCanaryTenant('a', { version: '1', tenants: [], percent: 0 }, t)),
    ).toBe(false);
    expect(
      tenants.every((t) => isCanaryTenant('a', { version: '1', tenants: [], percent: 100 }, t)),
    ).toBe(true);
  });
});

describe('versionFor', () => {
  const channels = {
    stable: '1.0.0',
    canary: { version: '1.1.0', tenants: ['chaye'], percent: 0 },
  };

  it('gives listed tenants the canary and others stable', () => {
    expect(versionFor('inventory', channels, 'chaye')).toBe('1.1.0');
    expect(versionFor('inventory', channels, 'xiaomai')).toBe('1.0.0');
  });

  it('gives everyone stable without a canary', () => {
    expect(versionFor('inventory', { stable: '1.0.0', canary: null }, 'chaye')).toBe('1.0.0');
  });
});
