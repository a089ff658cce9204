import { describe, expect, it } from 'vitest';
import { compareSemver, isSemver } from './compare_semver.js';

describe('compareSemver', () => {
  it('orders numerically, not lexically', () => {
    expect(['1.10.0', '1.9.0', '1.2.3'].sort(compareSemver)).toEqual(['1.2.3', '1.9.0', '1.10.0']);
  });

  it('ranks a release above its pre-releases', () => {
    expect(compareSemver('1.0.0', '1.0.0-canary.2')).toBe(1);
    expect(compareSemver('1.0.0-canary.2', '1.0.0-canary.10')).toBe(-1);
  });

  it('rejects folder names that are not versions', () => {
    expect(isSemver('1.0.0.tmp-123')).toBe(false);
    expect(isSemver('..')).toBe(false);
  });
});
