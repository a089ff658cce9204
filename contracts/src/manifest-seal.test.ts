import { describe, expect, it } from 'vitest';
import { manifestSealTag, manifestSealText, readManifestSeal } from './manifest-seal.js';

describe('manifestSealText', () => {
  it('ignores files, key order and undefined fields but not any value', () => {
    const built = { name: 'a', roles: ['owner'], route: '/a', files: [{ path: 'a.js' }] };
    const reordered = { route: '/a', files: [], roles: ['owner'], name: 'a', titles: undefined };
    expect(manifestSealText(reordered)).toBe(manifestSealText(built));
    expect(manifestSealText({ ...built, roles: ['owner', 'clerk'] })).not.toBe(
      manifestSealText(built),
    );
    expect(manifestSealText({ ...built, shared: { entry: 'x', react: '19.2.0' } })).not.toBe(
      manifestSealText(built),
    );
  });
});

describe('readManifestSeal', () => {
  it('reads back the tag it writes, and nothing from HTML without one', () => {
    const hex = 'ab'.repeat(32);
    expect(readManifestSeal(`<head>\n    ${manifestSealTag(hex)}\n</head>`)).toBe(hex);
    expect(readManifestSeal('<head></head>')).toBeUndefined();
  });
});
