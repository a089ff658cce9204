import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishVersions, setChannels } from './registry_archive.js';
import { signIn, startSystem } from './start_system.js';
import type { TestSystem } from './start_system.js';
import { getApps as getAppsOf } from './system_probes.js';

const TOKEN = 'test-publish-token-0123456789';
let system: TestSystem;

async function tokenOf(tenant: string, username: string): Promise<string> {
  return (await signIn(system.bffUrl, tenant, username)).token;
}

function getApps(token: string, etag?: string): Promise<Response> {
  return getAppsOf(system.bffUrl, token, etag ? { 'if-none-match': etag } : {});
}

beforeAll(async () => {
  system = await startSystem({ services: false, env: { MOSAIC_PUBLISH_TOKEN: TOKEN } });
  await publishVersions(
    system.bffUrl,
    { name: 'inventory', roles: ['owner', 'keeper'] },
    ['0.1.0', '0.2.0'],
    TOKEN,
  );
});
afterAll(() => system.stop());

describe('given a signed-in owner of xiaomai', () => {
  it('answers with an ETag, private and revalidated every time', async () => {
    const response = await getApps(await tokenOf('xiaomai', 'owner'));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, no-cache');
    expect(response.headers.get('etag')).toMatch(/^"[\w-]{32}"$/);
    expect(response.headers.get('vary')).toMatch(/Authorization/);
  });

  it('answers 304 without a body while nothing changed', async () => {
    const token = await tokenOf('xiaomai', 'owner');
    const etag = (await getApps(token)).headers.get('etag')!;
    const again = await getApps(token, etag);
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect((await getApps(token, `W/${etag}`)).status).toBe(304);
  });

  it('never matches the tag of another tenant or user, even for the same list', async () => {
    const xiaomai = await getApps(await tokenOf('xiaomai', 'owner'));
    const etag = xiaomai.headers.get('etag')!;
    const chaye = await getApps(await tokenOf('chaye', 'owner'), etag);
    expect(chaye.status).toBe(200);
    // Both owners see the same apps at the same versions: only the tag tells them apart.
    expect(await chaye.json()).toEqual(await xiaomai.json());
    expect(chaye.headers.get('etag')).not.toBe(etag);
    const keeper = await getApps(await tokenOf('xiaomai', 'keeper'), etag);
    expect(keeper.status).toBe(200);
    expect(keeper.headers.get('etag')).not.toBe(etag);
  });

  it('answers 200 with the new version after a release reaches the tenant', async () => {
    const token = await tokenOf('xiaomai', 'owner');
    const before = await getApps(token);
    const etag = before.headers.get('etag')!;
    const chaye = await tokenOf('chaye', 'owner');
    const chayeTag = (await getApps(chaye)).headers.get('etag')!;
    const released = await setChannels(
      system.bffUrl,
      'inventory',
      { canary: { version: '0.2.0', tenants: ['xiaomai'] } },
      TOKEN,
    );
    expect(released.status).toBe(200);
    const after = await getApps(token, etag);
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    const { apps } = (await after.json()) as { apps: { name: string; version: string }[] };
    expect(apps.find((app) => app.name === 'inventory')?.version).toBe('0.2.0');
    // chaye is outside the canary: its tag from before the release still matches.
    expect((await getApps(chaye, chayeTag)).status).toBe(304);
  });
});
