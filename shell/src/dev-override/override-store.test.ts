import { describe, expect, it } from 'vitest';
import { applyOverrideQuery, isLocalDevUrl } from './override-store.js';

describe('given an override query', () => {
  it('sets an app to a local build', () => {
    expect(
      applyOverrideQuery({}, '?mosaic-override=inventory=http%3A%2F%2F127.0.0.1%3A5180%2F'),
    ).toEqual({ inventory: 'http://127.0.0.1:5180/' });
  });

  it('ignores a build that is not on this machine', () => {
    expect(applyOverrideQuery({}, '?mosaic-override=inventory=https://evil.example/')).toEqual({});
  });

  it('removes one override with an empty url and all with off', () => {
    const current = { inventory: 'http://localhost:5180/', sales: 'http://localhost:5181/' };
    expect(applyOverrideQuery(current, '?mosaic-override=inventory=')).toEqual({
      sales: 'http://localhost:5181/',
    });
    expect(applyOverrideQuery(current, '?mosaic-override=off')).toEqual({});
  });
});

describe('isLocalDevUrl', () => {
  it('accepts only localhost addresses', () => {
    expect(isLocalDevUrl('http://localhost:5180/')).toBe(true);
    expect(isLocalDevUrl('http://127.0.0.1.evil.example/')).toBe(false);
    expect(isLocalDevUrl('javascript:alert(1)')).toBe(false);
  });
});
