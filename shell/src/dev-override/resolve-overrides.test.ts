import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AppEntry } from '../session/session-api.js';
import { resolveOverrides } from './resolve-overrides.js';

// What the developer's local build server has: `/<app>/mosaic.json`.
const manifests: Record<string, Record<string, unknown>> = {
  inventory: {
    name: 'inventory',
    version: '9.0.0',
    title: '库存',
    route: '/inventory',
    protocol: '1.6.0',
    roles: ['owner', 'keeper'],
  },
  sales: {
    name: 'sales',
    version: '9.0.0',
    title: '销售',
    route: '/sales',
    protocol: '1.6.0',
    roles: ['owner', 'clerk'],
  },
  stocktake: {
    name: 'stocktake',
    version: '0.1.0',
    title: '盘点',
    route: '/stocktake',
    protocol: '1.6.0',
    roles: ['keeper'],
  },
  ledger: {
    name: 'ledger',
    version: '0.1.0',
    title: '账本',
    route: '/ledger',
    protocol: '1.6.0',
    roles: ['owner'],
  },
};
const base = 'http://127.0.0.1:5199';

// The shell's tests have no Node types: the local build server is a fetch that answers from the
// table above (the one part that stands in for the developer's machine).
beforeAll(() => {
  vi.stubGlobal('fetch', async (url: string) => {
    const name = new URL(url).pathname.split('/')[1] ?? '';
    const manifest = manifests[name];
    return manifest
      ? new Response(JSON.stringify(manifest), { headers: { 'content-type': 'application/json' } })
      : new Response('', { status: 404 });
  });
});
afterAll(() => vi.unstubAllGlobals());

const sales: AppEntry = {
  name: 'sales',
  version: '1.0.0',
  title: '销售',
  route: '/sales',
  entry: '/apps/sales/1.0.0/index.html',
  protocol: '1.6.0',
};
const deniedInventory = [{ name: 'inventory', title: '库存', route: '/inventory' }];

describe('an override never widens a role', () => {
  it("refuses a clerk's override of inventory, which her role may not open, and says why", async () => {
    const resolved = await resolveOverrides(
      [sales],
      { inventory: `${base}/inventory/`, sales: `${base}/sales/` },
      { roles: ['clerk'], denied: deniedInventory },
    );
    expect(resolved.apps.map((app) => `${app.name}@${app.version}`)).toEqual(['sales@9.0.0']);
    expect(resolved.overrides.find((o) => o.name === 'inventory')).toMatchObject({
      refused: { title: '库存' },
    });
    expect(resolved.overrides.find((o) => o.name === 'sales')?.refused).toBeUndefined();
  });

  it('lets a keeper try an unpublished app built for keepers, not one built for others', async () => {
    const keeper = await resolveOverrides(
      [],
      { stocktake: `${base}/stocktake/`, ledger: `${base}/ledger/` },
      { roles: ['keeper'], denied: [] },
    );
    expect(keeper.apps.map((app) => app.name)).toEqual(['stocktake']);
    expect(keeper.overrides.find((o) => o.name === 'ledger')?.refused).toEqual({ title: '账本' });
  });

  it('lets an owner add an unpublished app built for the owner, but not a clerk', async () => {
    const owner = await resolveOverrides(
      [sales],
      { ledger: `${base}/ledger/` },
      {
        roles: ['owner'],
        denied: [],
      },
    );
    expect(owner.apps.map((app) => app.name)).toEqual(['sales', 'ledger']);
    const clerk = await resolveOverrides(
      [sales],
      { ledger: `${base}/ledger/` },
      {
        roles: ['clerk'],
        denied: [],
      },
    );
    expect(clerk.apps.map((app) => app.name)).toEqual(['sales']);
    expect(clerk.overrides[0]?.refused).toEqual({ title: '账本' });
  });
});
