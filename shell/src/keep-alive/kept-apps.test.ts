import { describe, expect, it } from 'vitest';
import type { AppEntry } from '../session/session-api.js';
import { evictOldest, nextKeptApps } from './kept-apps.js';
import type { KeptApp } from './kept-apps.js';

function app(name: string, extra: Partial<AppEntry> = {}): AppEntry {
  return {
    name,
    version: '1.0.0',
    title: name,
    route: `/${name}`,
    entry: `/apps/${name}/1.0.0/index.html`,
    protocol: '1.6.0',
    ...extra,
  };
}

const names = (kept: KeptApp[]): string[] => kept.map((k) => `${k.app.name}@${k.app.version}`);

describe('nextKeptApps', () => {
  const [inventory, sales, shop] = [app('inventory'), app('sales'), app('shop')];
  const apps = [inventory, sales, shop];

  it('keeps the apps the user opened, in the order first opened, up to the limit', () => {
    let kept = nextKeptApps([], inventory, apps, 3, 1);
    kept = nextKeptApps(kept, sales, apps, 3, 2);
    kept = nextKeptApps(kept, inventory, apps, 3, 3);
    expect(names(kept)).toEqual(['inventory@1.0.0', 'sales@1.0.0']);
  });

  it('lets the least recently used hidden app go first past the limit, never the one on screen', () => {
    let kept = nextKeptApps([], inventory, apps, 2, 1);
    kept = nextKeptApps(kept, sales, apps, 2, 2);
    kept = nextKeptApps(kept, inventory, apps, 2, 3);
    kept = nextKeptApps(kept, shop, apps, 2, 4);
    expect(names(kept)).toEqual(['inventory@1.0.0', 'shop@1.0.0']);
    expect(names(evictOldest(kept, shop))).toEqual(['shop@1.0.0']);
    expect(names(evictOldest(nextKeptApps([], shop, apps, 2, 5), shop))).toEqual(['shop@1.0.0']);
  });

  it('drops a kept app whose version changed, and keeps a flagged app only while on screen', () => {
    const noKeep = app('sales', { keepAlive: false });
    let kept = nextKeptApps([], inventory, [inventory, noKeep], 3, 1);
    kept = nextKeptApps(kept, noKeep, [inventory, noKeep], 3, 2);
    expect(names(kept)).toEqual(['inventory@1.0.0', 'sales@1.0.0']);
    kept = nextKeptApps(kept, undefined, [inventory, noKeep], 3, 3);
    expect(names(kept)).toEqual(['inventory@1.0.0']);
    const released = app('inventory', {
      version: '1.1.0',
      entry: '/apps/inventory/1.1.0/index.html',
    });
    expect(names(nextKeptApps(kept, sales, [released, sales], 3, 4))).toEqual(['sales@1.0.0']);
  });

  it('keeps only the app on screen when keep-alive is off', () => {
    const kept = nextKeptApps(nextKeptApps([], inventory, apps, 1, 1), sales, apps, 1, 2);
    expect(names(kept)).toEqual(['sales@1.0.0']);
  });
});
