import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEntry } from '../session/session-api.js';
import { resolveOverrides } from './resolve-overrides.js';

// A developer's local build server: each path is `/<app>/mosaic.json`.
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
  ledger: {
    name: 'ledger',
    version: '0.1.0',
    title: '账本',
    route: '/ledger',
    protocol: '1.6.0',
    roles: ['owner'],
  },
};
let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    const name = (req.url ?? '').split('/')[1] ?? '';
    const manifest = manifests[name];
    res.setHeader('access-control-allow-origin', '*');
    if (manifest)
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(manifest));
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

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
