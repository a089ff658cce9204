import { describe, expect, it } from 'vitest';
import type { AppEntry } from '../session/session-api.js';
import { stableOf } from './use-canary-fallback.js';

const canary: AppEntry = {
  name: 'sales',
  version: '0.3.0',
  title: '销售',
  route: '/sales',
  entry: '/apps/sales/0.3.0/index.html',
  protocol: '1.5.0',
  shared: { entry: '/apps/sales/0.3.0/index.shared.html', react: '19.3.1' },
  fallback: { version: '0.2.2', entry: '/apps/sales/0.2.2/index.html', protocol: '1.4.0' },
};

describe('stableOf', () => {
  it('gives the stable version with its own entry, protocol and shared entry only', () => {
    expect(stableOf(canary)).toEqual({
      name: 'sales',
      version: '0.2.2',
      title: '销售',
      route: '/sales',
      entry: '/apps/sales/0.2.2/index.html',
      protocol: '1.4.0',
    });
  });

  it('leaves an entry without a fallback as it is', () => {
    const { fallback: _none, ...stable } = canary;
    expect(stableOf(stable)).toBe(stable);
  });
});
