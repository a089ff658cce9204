import { describe, expect, it } from 'vitest';
import { AppManifestSchema, StoredAppManifestSchema } from './app-manifest.js';

const built = {
  name: 'sales',
  version: '1.2.0',
  title: '销售',
  titles: { en: 'Sales' },
  route: '/sales',
  entry: 'index.html',
  protocol: '1.6.0',
  roles: ['owner', 'clerk'],
  files: [{ path: 'index.html', size: 12, sha256: 'a'.repeat(64) }],
};

describe('AppManifestSchema', () => {
  it('accepts what build-kit writes', () => {
    expect(AppManifestSchema.parse(built)).toEqual(built);
  });

  it('refuses a manifest without files, a name in capitals or a route without a slash', () => {
    expect(AppManifestSchema.safeParse({ ...built, files: [] }).success).toBe(false);
    expect(AppManifestSchema.safeParse({ ...built, name: 'Sales' }).success).toBe(false);
    expect(AppManifestSchema.safeParse({ ...built, route: 'sales' }).success).toBe(false);
  });

  it('names the rule a title breaks', () => {
    const result = AppManifestSchema.safeParse({ ...built, titles: { en: 'S'.repeat(41) } });
    expect(result.error?.issues[0]?.message).toBe('longer than 40 characters');
  });
});

describe('StoredAppManifestSchema', () => {
  it('keeps an app whose titles were laid out badly by hand, with its default title', () => {
    const { files: _files, ...fields } = built;
    const stored = StoredAppManifestSchema.parse({ ...fields, titles: { english: 'Sales' } });
    expect(stored.titles).toBeUndefined();
    expect(stored.title).toBe('销售');
  });
});
