// DELETE /api/registry/apps/:name/versions/:version against a booted BFF: what `mosaic-app prune` calls.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectRefused,
  publishApp,
  publishVersions,
  registryApp,
  setChannels,
} from './registry_archive.js';
import { startSystem } from './start_system.js';
import type { TestSystem } from './start_system.js';

const TOKEN = 'test-publish-token-0123456789';
let system: TestSystem;

function deleteVersion(version: string, token = TOKEN): Promise<Response> {
  return fetch(`${system.bffUrl}/api/registry/apps/inventory/versions/${version}`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${token}` },
  });
}

async function inventory(): Promise<{ versions: string[]; history: Record<string, unknown>[] }> {
  const app = await registryApp<{ versions: string[]; history: Record<string, unknown>[] }>(
    system.bffUrl,
    'inventory',
    TOKEN,
  );
  return { versions: app?.versions ?? [], history: app?.history ?? [] };
}

beforeAll(async () => {
  system = await startSystem({ services: false, env: { MOSAIC_PUBLISH_TOKEN: TOKEN } });
  await publishVersions(
    system.bffUrl,
    { name: 'inventory' },
    ['1.0.0', '1.1.0', '1.2.0', '1.3.0'],
    TOKEN,
  );
  const channels = await setChannels(
    system.bffUrl,
    'inventory',
    { stable: '1.1.0', canary: { version: '1.2.0', tenants: ['chaye'] }, force: true },
    TOKEN,
  );
  expect(channels.status).toBe(200);
});
afterAll(() => system.stop());

describe('given a version no channel uses', () => {
  it('deletes it: gone from the list and its files, recorded in the history', async () => {
    const response = await deleteVersion('1.0.0');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ name: 'inventory', deleted: '1.0.0' });
    expect((await fetch(`${system.bffUrl}/apps/inventory/1.0.0/inventory.js`)).status).toBe(404);
    expect((await fetch(`${system.bffUrl}/apps/inventory/1.1.0/inventory.js`)).status).toBe(200);
    const { versions, history } = await inventory();
    expect(versions).toEqual(['1.3.0', '1.2.0', '1.1.0']);
    expect(history.at(-1)).toMatchObject({ action: 'delete', by: 'default', version: '1.0.0' });
  });

  it('never takes the number again, nor lets a channel point at it', async () => {
    const again = await publishApp(system.bffUrl, { name: 'inventory', version: '1.0.0' }, TOKEN);
    expect(await expectRefused(again, 409, 'VERSION_EXISTS')).toMatch(/bump "version"/);
    const release = await setChannels(system.bffUrl, 'inventory', { stable: '1.0.0' }, TOKEN);
    expect(await expectRefused(release, 400, 'BAD_REQUEST')).toMatch(/'1.0.0'.*is not published/);
    expect(await expectRefused(await deleteVersion('1.0.0'), 404, 'NOT_FOUND')).toMatch(
      /inventory@1.0.0 is not in the registry \(published: 1.3.0, 1.2.0, 1.1.0\)/,
    );
  });
});

describe('refuses, leaving the version in place', () => {
  it('the stable version', async () => {
    expect(await expectRefused(await deleteVersion('1.1.0'), 409, 'VERSION_IN_USE')).toMatch(
      /^inventory@1.1.0 is the stable version.*release another version to that channel first/,
    );
  });

  it('the canary version', async () => {
    expect(await expectRefused(await deleteVersion('1.2.0'), 409, 'VERSION_IN_USE')).toMatch(
      /^inventory@1.2.0 is the canary version/,
    );
  });

  it('a wrong token, a version that is not semver', async () => {
    await expectRefused(
      await deleteVersion('1.3.0', 'wrong-token-0123456789'),
      401,
      'UNAUTHENTICATED',
    );
    expect(await expectRefused(await deleteVersion('..%2F1.3.0'), 400, 'BAD_REQUEST')).toMatch(
      /is not semver/,
    );
    expect((await inventory()).versions).toEqual(['1.3.0', '1.2.0', '1.1.0']);
  });
});
