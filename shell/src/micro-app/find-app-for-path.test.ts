import { describe, expect, it } from 'vitest';
import { findAppForPath } from './find-app-for-path.js';
import type { AppEntry } from '../session/session-api.js';

const app = (name: string, route: string): AppEntry => ({
  name,
  route,
  version: '1.0.0',
  title: name,
  entry: `/apps/${name}/1.0.0/index.html`,
  protocol: '1.0.0',
});

describe('findAppForPath', () => {
  const apps = [app('inventory', '/inventory'), app('sales', '/sales')];

  it('matches the route and paths below it', () => {
    expect(findAppForPath(apps, '/inventory')?.name).toBe('inventory');
    expect(findAppForPath(apps, '/inventory/42')?.name).toBe('inventory');
  });

  it('does not match a route that is only a string prefix', () => {
    expect(findAppForPath(apps, '/inventory-old')).toBeUndefined();
    expect(findAppForPath(apps, '/')).toBeUndefined();
  });
});
