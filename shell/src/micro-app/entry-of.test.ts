import { describe, expect, it } from 'vitest';
import type { AppEntry } from '../session/session-api.js';
import { entryOf } from './entry-of.js';

const app: AppEntry = {
  name: 'sales',
  version: '0.2.0',
  title: '销售',
  route: '/sales',
  entry: '/apps/sales/0.2.0/index.html',
  protocol: '1.4.0',
};

describe('entryOf', () => {
  it('loads the shared entry when the app was built with the same React minor', () => {
    const shared = { entry: '/apps/sales/0.2.0/index.shared.html', react: '19.3.0' };
    expect(entryOf({ ...app, shared }, '19.3.1')).toBe(shared.entry);
  });

  it('falls back to the bundled entry when the React minors differ', () => {
    const shared = { entry: '/apps/sales/0.2.0/index.shared.html', react: '18.3.1' };
    expect(entryOf({ ...app, shared }, '19.3.1')).toBe(app.entry);
  });

  it('loads the bundled entry of an app built without a shared one', () => {
    expect(entryOf(app, '19.3.1')).toBe(app.entry);
  });
});
