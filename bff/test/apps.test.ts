import { mkdir, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startSystem } from './start_system.js';
import type { TestSystem } from './start_system.js';

let system: TestSystem;

async function publish(dataDir: string, manifest: Record<string, unknown>): Promise<void> {
  const dir = path.join(
    dataDir,
    'registry',
    'apps',
    String(manifest.name),
    String(manifest.version),
  );
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'mosaic.json'), JSON.stringify(manifest));
  await writeFile(path.join(dir, 'index.html'), `<div id="app">${manifest.version}</div>`);
}

const inventory = {
  name: 'inventory',
  title: '库存',
  route: '/inventory',
  entry: 'index.html',
  protocol: '1.0.0',
  roles: ['owner', 'keeper'],
};
const sales = {
  ...inventory,
  name: 'sales',
  title: '销售',
  titles: { en: 'Sales' },
  route: '/sales',
  roles: ['owner', 'clerk'],
  keepAlive: false,
};

beforeAll(async () => {
  system = await startSystem({ services: false });
  // Configuration is read per request, so files can be laid out after boot.
  await publish(system.dataDir, { ...inventory, version: '1.9.0' });
  await publish(system.dataDir, { ...inventory, version: '1.10.0' });
  await publish(system.dataDir, { ...inventory, version: '1.11.0-canary.1' });
  await mkdir(path.join(system.dataDir, 'registry', 'apps', 'inventory', '2.0.0'), {
    recursive: true,
  });
  await publish(system.dataDir, { ...sales, version: '0.3.0' });
  await publish(system.dataDir, {
    ...inventory,
    name: 'notes',
    // Laid out by hand with a title build-kit would refuse: the app stays, with `title` only.
    titles: { en: '' },
    route: '/notes',
    roles: ['owner', 'clerk'],
    version: '0.1.0',
  });
  await writeFile(path.join(system.dataDir, 'secret.txt'), 'top secret');
  const shell = path.join(system.dataDir, 'no-shell');
  await mkdir(path.join(shell, 'assets'), { recursive: true });
  await writeFile(path.join(shell, 'index.html'), '<title>shell</title>');
  await writeFile(path.join(shell, 'assets', 'index-abc123.js'), 'console.log(1)');
});
afterAll(() => system.stop());

async function appsFor(
  tenant: string,
  username: string,
): Promise<{ name: string; version: string }[]> {
  const { token } = await signIn(system.bffUrl, tenant, username);
  const response = await fetch(`${system.bffUrl}/api/apps`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { apps: { name: string; version: string }[] }).apps;
}

/** GET a raw path (fetch would normalise `..` away). */
function rawGet(rawPath: string): Promise<{ status: number; body: string }> {
  const url = new URL(system.bffUrl);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: rawPath }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('GET /api/apps', () => {
  it('leaves developer overrides to the shell when the deployment does not say', async () => {
    const { token } = await signIn(system.bffUrl, 'xiaomai', 'owner');
    const response = await fetch(`${system.bffUrl}/api/apps`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect('devOverrides' in ((await response.json()) as object)).toBe(false);
  });

  it('gives a keeper only inventory, at the highest released version', async () => {
    expect(await appsFor('xiaomai', 'keeper')).toEqual([
      {
        name: 'inventory',
        version: '1.10.0',
        title: '库存',
        route: '/inventory',
        entry: '/apps/inventory/1.10.0/index.html',
        protocol: '1.0.0',
      },
    ]);
  });

  it('gives a clerk only sales', async () => {
    expect((await appsFor('xiaomai', 'clerk')).map((a) => a.name)).toEqual(['sales']);
  });

  it('gives an owner every app, including one identity has never heard of', async () => {
    expect((await appsFor('chaye', 'owner')).map((a) => `${a.name}@${a.version}`)).toEqual([
      'inventory@1.10.0',
      'notes@0.1.0',
      'sales@0.3.0',
    ]);
  });

  it('gives an app’s titles per locale beside its default title', async () => {
    expect((await appsFor('xiaomai', 'clerk'))[0]).toMatchObject({
      name: 'sales',
      title: '销售',
      titles: { en: 'Sales' },
    });
  });

  it('says which apps the shell must not keep alive, and only those', async () => {
    const apps = await appsFor('xiaomai', 'owner');
    expect(apps.find((a) => a.name === 'sales')).toMatchObject({ keepAlive: false });
    expect(apps.find((a) => a.name === 'inventory')).not.toHaveProperty('keepAlive');
  });

  it('keeps an app whose hand-laid titles are broken, with its default title only', async () => {
    const notes = (await appsFor('chaye', 'owner')).find((a) => a.name === 'notes');
    expect(notes).toMatchObject({ name: 'notes', title: '库存' });
    expect(notes).not.toHaveProperty('titles');
  });

  it('keeps a new app from a clerk until identity grants it to clerks', async () => {
    expect((await appsFor('xiaomai', 'clerk')).map((a) => a.name)).not.toContain('notes');
  });

  it('comes with the sign-in answer, the same list GET /api/apps gives that user', async () => {
    for (const username of ['owner', 'keeper', 'clerk']) {
      const signedIn = await fetch(`${system.bffUrl}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ tenant: 'xiaomai', username, password: 'demo1234' }),
      });
      const { token, appList } = (await signedIn.json()) as { token: string; appList: unknown };
      const asked = await fetch(`${system.bffUrl}/api/apps`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(appList).toEqual(await asked.json());
    }
  });

  it('needs a session', async () => {
    expect((await fetch(`${system.bffUrl}/api/apps`)).status).toBe(401);
  });
});

describe('GET /apps/<name>/<version>/<file>', () => {
  it('serves app files as immutable and mosaic.json as no-cache', async () => {
    const html = await fetch(`${system.bffUrl}/apps/inventory/1.9.0/index.html`);
    expect(html.status).toBe(200);
    expect(await html.text()).toContain('1.9.0');
    expect(html.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(html.headers.get('content-type')).toContain('text/html');
    const manifest = await fetch(`${system.bffUrl}/apps/inventory/1.9.0/mosaic.json`);
    expect(manifest.headers.get('cache-control')).toBe('no-cache');
  });

  it('refuses path traversal', async () => {
    for (const rawPath of [
      '/apps/inventory/1.9.0/../../../../secret.txt',
      '/apps/inventory/1.9.0/..%2F..%2F..%2F..%2Fsecret.txt',
      '/apps/inventory/1.9.0/%2e%2e/%2e%2e/%2e%2e/%2e%2e/secret.txt',
      '/apps/inventory/..%2F..%2F..%2Fsecret.txt/x',
    ]) {
      const { status, body } = await rawGet(rawPath);
      expect([400, 404]).toContain(status);
      expect(body).not.toContain('top secret');
    }
  });

  it('answers 404 JSON for a missing file', async () => {
    const response = await fetch(`${system.bffUrl}/apps/inventory/1.9.0/missing.js`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
  });
});

describe('the shell', () => {
  it('answers browser navigations with index.html (SPA fallback), no-cache', async () => {
    const response = await fetch(`${system.bffUrl}/inventory/items/42`, {
      headers: { accept: 'text/html,application/xhtml+xml' },
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('<title>shell</title>');
    expect(response.headers.get('cache-control')).toBe('no-cache');
  });

  it('serves hashed assets as immutable', async () => {
    const response = await fetch(`${system.bffUrl}/assets/index-abc123.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toContain('immutable');
  });

  it('does not fall back for /api, /graphql or non-HTML requests', async () => {
    const html = { accept: 'text/html' };
    expect((await fetch(`${system.bffUrl}/api/unknown`, { headers: html })).status).toBe(404);
    expect((await fetch(`${system.bffUrl}/graphql`, { headers: html })).status).toBe(404);
    expect((await fetch(`${system.bffUrl}/missing.js`)).status).toBe(404);
  });
});
