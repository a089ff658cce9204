import { randomBytes } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import { request } from 'node:http';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appFiles, expectRefused, publish, publishApp, tarGz } from './registry_archive.js';
import { signIn, startSystem } from './start_system.js';
import type { TestSystem } from './start_system.js';

const TOKEN = 'test-publish-token-0123456789';
let system: TestSystem;

/** Every path and size under the registry folder: what a refused publish must leave as it was. */
async function registrySnapshot(): Promise<string[]> {
  const root = path.join(system.dataDir, 'registry');
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        out.push(`${path.relative(root, full)}/`);
        await walk(full);
      } else out.push(`${path.relative(root, full)} ${(await stat(full)).size}`);
    }
  };
  await walk(root);
  return out.sort();
}

beforeAll(async () => {
  system = await startSystem({
    services: false,
    env: {
      MOSAIC_PUBLISH_TOKEN: TOKEN,
      MOSAIC_PUBLISH_TOKENS: 'alice:alice-token-0123456789',
      MOSAIC_PUBLISH_MAX_BYTES: '200000',
      MOSAIC_PUBLISH_MAX_UNPACKED_BYTES: '1000000',
    },
  });
  const response = await publishApp(
    system.bffUrl,
    { name: 'inventory', version: '1.0.0', roles: ['owner', 'keeper'] },
    TOKEN,
  );
  expect(response.status).toBe(201);
});
afterAll(() => system.stop());

describe('given a valid build', () => {
  it('publishes it, serves it immutable and makes the first version stable', async () => {
    const started = performance.now();
    const response = await publishApp(
      system.bffUrl,
      { name: 'sales', version: '0.1.0' },
      'alice-token-0123456789',
    );
    const ms = performance.now() - started;
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({
      name: 'sales',
      version: '0.1.0',
      entry: '/apps/sales/0.1.0/index.html',
      publishedBy: 'alice',
    });
    console.log(`publish round trip: ${ms.toFixed(1)} ms`);

    const js = await fetch(`${system.bffUrl}/apps/sales/0.1.0/sales.js`);
    expect(await js.text()).toContain('sales@0.1.0');
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const manifest = await fetch(`${system.bffUrl}/apps/sales/0.1.0/mosaic.json`);
    expect(manifest.headers.get('cache-control')).toBe('no-cache');

    const { token } = await signIn(system.bffUrl, 'xiaomai', 'owner');
    const apps = await fetch(`${system.bffUrl}/api/apps`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(apps.headers.get('cache-control')).toBe('private, no-cache');
    const { apps: list } = (await apps.json()) as { apps: { name: string; version: string }[] };
    expect(list.map((a) => `${a.name}@${a.version}`)).toEqual(['inventory@1.0.0', 'sales@0.1.0']);
  });

  it('records who published, readable by publishers only', async () => {
    expect((await fetch(`${system.bffUrl}/api/registry/apps`)).status).toBe(401);
    const response = await fetch(`${system.bffUrl}/api/registry/apps`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    const { apps } = (await response.json()) as {
      apps: { name: string; versions: string[]; channels: unknown; history: unknown[] }[];
    };
    const sales = apps.find((a) => a.name === 'sales');
    expect(sales?.versions).toEqual(['0.1.0']);
    expect(sales?.channels).toEqual({ stable: '0.1.0', canary: null });
    expect(sales?.history).toMatchObject([
      { action: 'publish', by: 'alice', version: '0.1.0' },
      { action: 'channels', by: 'alice', from: null, to: { stable: '0.1.0', canary: null } },
    ]);
  });
});

describe('given a build with titles per locale', () => {
  it('publishes it and gives the titles with the default title in /api/apps', async () => {
    const response = await publishApp(
      system.bffUrl,
      { name: 'shop', version: '0.1.0', titles: { en: 'Shop', 'zh-TW': '商城' } },
      TOKEN,
    );
    expect(response.status).toBe(201);

    const { token } = await signIn(system.bffUrl, 'xiaomai', 'owner');
    const apps = await fetch(`${system.bffUrl}/api/apps`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const { apps: list } = (await apps.json()) as { apps: Record<string, unknown>[] };
    expect(list.find((a) => a.name === 'shop')).toMatchObject({
      title: 'shop',
      titles: { en: 'Shop', 'zh-TW': '商城' },
    });
    expect(list.find((a) => a.name === 'inventory')).not.toHaveProperty('titles');
  });
});

describe('refuses, leaving the registry exactly as it was', () => {
  const cases: [string, () => Promise<Response>, number, string, RegExp][] = [
    [
      'a wrong token',
      () =>
        publishApp(
          system.bffUrl,
          { name: 'inventory', version: '1.0.1' },
          'not-the-token-0123456789',
        ),
      401,
      'UNAUTHENTICATED',
      /MOSAIC_PUBLISH_TOKEN/,
    ],
    [
      'an archive for another app',
      () =>
        publish(
          system.bffUrl,
          'inventory',
          tarGz(appFiles({ name: 'sales', version: '9.0.0' })),
          TOKEN,
        ),
      422,
      'INVALID_PACKAGE',
      /names app 'sales'/,
    ],
    [
      'a version that is not semver',
      () => publishApp(system.bffUrl, { name: 'inventory', version: 'v2' }, TOKEN),
      422,
      'INVALID_PACKAGE',
      /not semver/,
    ],
    [
      'a version published before',
      () => publishApp(system.bffUrl, { name: 'inventory', version: '1.0.0' }, TOKEN),
      409,
      'VERSION_EXISTS',
      /bump "version"/,
    ],
    [
      'a build without its entry',
      () =>
        publishApp(
          system.bffUrl,
          { name: 'inventory', version: '1.0.2', files: { 'inventory.js': 'x' } },
          TOKEN,
        ),
      422,
      'INVALID_PACKAGE',
      /entry 'index.html'/,
    ],
    [
      'a file changed after the build',
      () => {
        const entries = appFiles({ name: 'inventory', version: '1.0.3' });
        entries[2] = { path: 'inventory.js', body: 'alert("tampered")' };
        return publish(system.bffUrl, 'inventory', tarGz(entries), TOKEN);
      },
      422,
      'INVALID_PACKAGE',
      /does not match mosaic.json/,
    ],
    [
      'a mosaic.json whose roles were edited after the build',
      () => {
        const entries = appFiles({ name: 'inventory', version: '1.0.14', roles: ['owner'] });
        const manifest = JSON.parse(String(entries[0]?.body)) as Record<string, unknown>;
        entries[0] = {
          path: 'mosaic.json',
          body: JSON.stringify({ ...manifest, roles: ['owner', 'clerk', 'keeper'] }),
        };
        return publish(system.bffUrl, 'inventory', tarGz(entries), TOKEN);
      },
      422,
      'INVALID_PACKAGE',
      /^mosaic.json was edited after the build .*run `mosaic-app build` instead$/,
    ],
    [
      'a mosaic.json whose protocol was edited after the build',
      () => {
        const entries = appFiles({ name: 'inventory', version: '1.0.15', protocol: '1.1.0' });
        const manifest = JSON.parse(String(entries[0]?.body)) as Record<string, unknown>;
        entries[0] = {
          path: 'mosaic.json',
          body: JSON.stringify({ ...manifest, protocol: '1.9.0' }),
        };
        return publish(system.bffUrl, 'inventory', tarGz(entries), TOKEN);
      },
      422,
      'INVALID_PACKAGE',
      /^mosaic.json was edited after the build/,
    ],
    [
      'a build whose entry carries no seal',
      () =>
        publishApp(
          system.bffUrl,
          {
            name: 'inventory',
            version: '1.0.16',
            files: { 'index.html': '<div id="root"></div>', 'inventory.js': 'x' },
          },
          TOKEN,
        ),
      422,
      'INVALID_PACKAGE',
      /^'index.html' carries no manifest seal .*mosaic-app build/,
    ],
    [
      'a protocol major the shell does not speak',
      () =>
        publishApp(
          system.bffUrl,
          { name: 'inventory', version: '1.0.4', protocol: '2.0.0' },
          TOKEN,
        ),
      422,
      'INVALID_PACKAGE',
      /speaks protocol 2.0.0, the shell speaks 1.x/,
    ],
    [
      'titles that are not an object',
      () =>
        publishApp(
          system.bffUrl,
          { name: 'inventory', version: '1.0.10', titles: ['Inventory'] },
          TOKEN,
        ),
      422,
      'INVALID_PACKAGE',
      /titles: not an object/,
    ],
    [
      'titles keyed by something other than a locale tag',
      () =>
        publishApp(
          system.bffUrl,
          { name: 'inventory', version: '1.0.11', titles: { english: 'Inventory' } },
          TOKEN,
        ),
      422,
      'INVALID_PACKAGE',
      /titles\.english: not a locale tag such as 'en'/,
    ],
    [
      'an empty title',
      () =>
        publishApp(
          system.bffUrl,
          { name: 'inventory', version: '1.0.12', titles: { en: ' ' } },
          TOKEN,
        ),
      422,
      'INVALID_PACKAGE',
      /titles\.en: empty/,
    ],
    [
      'a title over 40 characters',
      () =>
        publishApp(
          system.bffUrl,
          { name: 'inventory', version: '1.0.13', titles: { en: 'I'.repeat(41) } },
          TOKEN,
        ),
      422,
      'INVALID_PACKAGE',
      /titles\.en: longer than 40 characters.*"titles": \{"en": "Sales"\}/,
    ],
    [
      'a path escaping the app folder',
      () =>
        publish(
          system.bffUrl,
          'inventory',
          tarGz([
            ...appFiles({ name: 'inventory', version: '1.0.5' }),
            { path: '../../evil.js', body: 'x' },
          ]),
          TOKEN,
        ),
      422,
      'INVALID_PACKAGE',
      /"..\/..\/evil.js" is not allowed/,
    ],
    [
      'an absolute path',
      () =>
        publish(
          system.bffUrl,
          'inventory',
          tarGz([
            { path: '/tmp/evil.js', body: 'x' },
            ...appFiles({ name: 'inventory', version: '1.0.6' }),
          ]),
          TOKEN,
        ),
      422,
      'INVALID_PACKAGE',
      /is not allowed/,
    ],
    [
      'a symlink',
      () =>
        publish(
          system.bffUrl,
          'inventory',
          tarGz([
            ...appFiles({ name: 'inventory', version: '1.0.7' }),
            { path: 'passwd', type: 'SymbolicLink', linkpath: '/etc/passwd' },
          ]),
          TOKEN,
        ),
      422,
      'INVALID_PACKAGE',
      /SymbolicLink/,
    ],
    [
      'an upload over the size limit',
      () =>
        publishApp(
          system.bffUrl,
          {
            name: 'inventory',
            version: '1.0.8',
            files: { 'index.html': randomBytes(300_000) },
          },
          TOKEN,
        ),
      413,
      'PAYLOAD_TOO_LARGE',
      /200000-byte limit/,
    ],
    [
      'an archive that unpacks too big (gzip bomb)',
      () =>
        publishApp(
          system.bffUrl,
          {
            name: 'inventory',
            version: '1.0.9',
            files: { 'index.html': Buffer.alloc(5_000_000) },
          },
          TOKEN,
        ),
      413,
      'PAYLOAD_TOO_LARGE',
      /unpacks to more than 1000000 bytes/,
    ],
    [
      'something that is not gzip',
      () => publish(system.bffUrl, 'inventory', Buffer.from('hello'), TOKEN),
      422,
      'INVALID_PACKAGE',
      /not a complete gzip archive/,
    ],
  ];

  for (const [what, send, status, code, message] of cases) {
    it(what, async () => {
      const before = await registrySnapshot();
      expect(await expectRefused(await send(), status, code)).toMatch(message);
      expect(await registrySnapshot()).toEqual(before);
    });
  }
});

describe('given racing or broken uploads', () => {
  it('lets exactly one of several concurrent publishes of a version win', async () => {
    const archive = tarGz(appFiles({ name: 'inventory', version: '1.1.0' }));
    const responses = await Promise.all(
      Array.from({ length: 8 }, () => publish(system.bffUrl, 'inventory', archive, TOKEN)),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
  });

  it('leaves no version behind when the upload is cut off', async () => {
    const before = await registrySnapshot();
    const archive = tarGz(
      appFiles({
        name: 'inventory',
        version: '1.2.0',
        files: { 'index.html': randomBytes(100_000) },
      }),
    );
    const url = new URL(system.bffUrl);
    await new Promise<void>((resolve) => {
      const req = request({
        host: url.hostname,
        port: url.port,
        method: 'POST',
        path: '/api/registry/apps/inventory/versions',
        headers: {
          authorization: `Bearer ${TOKEN}`,
          'content-type': 'application/gzip',
          'content-length': archive.length,
        },
      });
      req.on('error', () => resolve());
      req.write(archive.subarray(0, archive.length / 2), () => {
        setTimeout(() => {
          req.destroy();
          resolve();
        }, 100);
      });
    });
    // The BFF notices the reset asynchronously; give it a moment to clean up.
    for (let i = 0; i < 50 && (await registrySnapshot()).join() !== before.join(); i++) {
      await sleep(50);
    }
    expect(await registrySnapshot()).toEqual(before);
  });
});
