import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishApp } from './registry_archive.js';
import { signIn, startSystem } from './start_system.js';
import type { TestSystem } from './start_system.js';

const PUBLISH_TOKEN = 'roles-test-publish-token-0123456789';
let system: TestSystem;

async function layOut(name: string, roles: string[]): Promise<void> {
  const dir = path.join(system.dataDir, 'registry', 'apps', name, '1.0.0');
  await mkdir(dir, { recursive: true });
  const manifest = { name, version: '1.0.0', title: name, route: `/${name}`, entry: 'index.html' };
  await writeFile(
    path.join(dir, 'mosaic.json'),
    JSON.stringify({ ...manifest, protocol: '1.0.0', roles }),
  );
  await writeFile(path.join(dir, 'index.html'), '<div id="app"></div>');
}

beforeAll(async () => {
  system = await startSystem({ services: false, env: { MOSAIC_PUBLISH_TOKEN: PUBLISH_TOKEN } });
  await layOut('inventory', ['owner', 'keeper']);
  await layOut('sales', ['owner', 'clerk']);
  await layOut('shop', ['owner', 'clerk']);
});
afterAll(() => system.stop());

interface Apps {
  apps: { name: string; entry: string }[];
  denied: Record<string, unknown>[];
}

async function bearer(tenant: string, username: string): Promise<Record<string, string>> {
  const { token } = await signIn(system.bffUrl, tenant, username);
  return { authorization: `Bearer ${token}` };
}

function change(method: 'PUT' | 'DELETE', target: string, headers: Record<string, string>) {
  return fetch(`${system.bffUrl}/api/roles/${target}`, {
    method,
    headers: { ...headers, ...(method === 'PUT' && { 'content-type': 'application/json' }) },
    body: method === 'PUT' ? '{}' : undefined,
  });
}

describe('roles as data', () => {
  it('names the apps a clerk may not open, without their entry or version', async () => {
    const clerk = await bearer('xiaomai', 'clerk');
    const body = (await await fetch(`${system.bffUrl}/api/apps`, { headers: clerk }).then((r) =>
      r.json(),
    )) as Apps;
    expect(body.apps.map((app) => app.name)).toEqual(['sales', 'shop']);
    expect(body.denied).toEqual([{ name: 'inventory', title: 'inventory', route: '/inventory' }]);
  });

  it("shows the owner the tenant's roles and apps; a clerk may not look", async () => {
    const owner = await bearer('xiaomai', 'owner');
    const response = await fetch(`${system.bffUrl}/api/roles`, { headers: owner });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      roles: [
        { name: 'owner', apps: ['*'] },
        { name: 'clerk', apps: ['sales', 'shop'] },
        { name: 'keeper', apps: ['inventory'] },
      ],
      apps: [
        { name: 'inventory', title: 'inventory', roles: ['owner', 'keeper'] },
        { name: 'sales', title: 'sales', roles: ['owner', 'clerk'] },
        { name: 'shop', title: 'shop', roles: ['owner', 'clerk'] },
      ],
    });
    const clerk = await bearer('xiaomai', 'clerk');
    const refused = await fetch(`${system.bffUrl}/api/roles`, { headers: clerk });
    expect(refused.status).toBe(403);
    const grant = await change('PUT', 'clerk/apps/inventory', clerk);
    expect(grant.status).toBe(403);
    expect(((await grant.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
  });

  it("revoke takes shop from the clerk's next /api/apps at once, grant gives it back", async () => {
    const owner = await bearer('xiaomai', 'owner');
    const clerk = await bearer('xiaomai', 'clerk');
    const before = await fetch(`${system.bffUrl}/api/apps`, { headers: clerk });
    const etag = before.headers.get('etag') ?? '';

    const revoked = await change('DELETE', 'clerk/apps/shop', owner);
    expect(revoked.status).toBe(200);
    expect(await revoked.json()).toEqual({ name: 'clerk', apps: ['sales'] });
    // The browser's revalidation gets a new answer, not a 304.
    const after = await fetch(`${system.bffUrl}/api/apps`, {
      headers: { ...clerk, 'if-none-match': etag },
    });
    expect(after.status).toBe(200);
    const body = (await after.json()) as Apps;
    expect(body.apps.map((app) => app.name)).toEqual(['sales']);
    expect(body.denied.map((app) => app.name)).toEqual(['inventory', 'shop']);

    // Another tenant's clerk role keeps shop.
    const chaye = await bearer('chaye', 'owner');
    const theirs = (await (
      await fetch(`${system.bffUrl}/api/roles`, { headers: chaye })
    ).json()) as {
      roles: { name: string; apps: string[] }[];
    };
    expect(theirs.roles.find((role) => role.name === 'clerk')?.apps).toEqual(['sales', 'shop']);

    // An operator grants it back with the publish token, naming the tenant.
    const operator = { authorization: `Bearer ${PUBLISH_TOKEN}` };
    expect((await change('PUT', 'clerk/apps/shop', operator)).status).toBe(400);
    const granted = await change('PUT', 'clerk/apps/shop?tenant=xiaomai', operator);
    expect(await granted.json()).toEqual({ name: 'clerk', apps: ['sales', 'shop'] });
    const back = (await (
      await fetch(`${system.bffUrl}/api/apps`, { headers: clerk })
    ).json()) as Apps;
    expect(back.apps.map((app) => app.name)).toEqual(['sales', 'shop']);
  });

  it('refuses an app the registry does not have and the owner role, with a code', async () => {
    const owner = await bearer('xiaomai', 'owner');
    const unknown = await change('PUT', 'clerk/apps/payroll', owner);
    expect(unknown.status).toBe(404);
    const error = ((await unknown.json()) as { error: { code: string; requestId: string } }).error;
    expect(error.code).toBe('UNKNOWN_APP');
    expect(error.requestId).toBeTruthy();
    const ownerRole = await change('DELETE', 'owner/apps/shop', owner);
    expect(((await ownerRole.json()) as { error: { code: string } }).error.code).toBe(
      'UNKNOWN_ROLE',
    );
    const roles = (await (
      await fetch(`${system.bffUrl}/api/roles`, { headers: owner })
    ).json()) as {
      roles: unknown[];
    };
    expect(roles.roles[0]).toEqual({ name: 'owner', apps: ['*'] });
  });
});

describe('publishing against the grants', () => {
  it('warns when a role of the manifest is granted the app in no tenant', async () => {
    const reports = await publishApp(
      system.bffUrl,
      { name: 'reports', version: '1.0.0', roles: ['owner', 'keeper', 'clerk'] },
      PUBLISH_TOKEN,
    );
    expect(reports.status).toBe(201);
    const { warnings } = (await reports.json()) as { warnings: string[] };
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("roles keeper, clerk are not granted 'reports' in any tenant");

    const shop = await publishApp(
      system.bffUrl,
      { name: 'shop', version: '1.1.0', roles: ['owner', 'clerk'] },
      PUBLISH_TOKEN,
    );
    expect(shop.status).toBe(201);
    expect('warnings' in ((await shop.json()) as object)).toBe(false);
  });

  it('shows one app to a publisher: versions, channels, history', async () => {
    const headers = { authorization: `Bearer ${PUBLISH_TOKEN}` };
    const response = await fetch(`${system.bffUrl}/api/registry/apps/reports`, { headers });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      name: 'reports',
      versions: ['1.0.0'],
      channels: { stable: '1.0.0', canary: null },
      history: [
        expect.objectContaining({ action: 'publish', version: '1.0.0' }),
        expect.anything(),
      ],
    });
    const missing = await fetch(`${system.bffUrl}/api/registry/apps/payroll`, { headers });
    expect(missing.status).toBe(404);
    expect((await fetch(`${system.bffUrl}/api/registry/apps/reports`)).status).toBe(401);
  });
});
