import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishVersions, registryApp, setChannels } from './registry_archive.js';
import { graphql, signIn, startSystem } from './start_system.js';
import type { TestSystem } from './start_system.js';
import { getApps } from './system_probes.js';

const TOKEN = 'test-publish-token-0123456789';
let system: TestSystem;

async function versionsFor(tenant: string): Promise<Record<string, string>> {
  const { token } = await signIn(system.bffUrl, tenant, 'owner');
  const response = await getApps(system.bffUrl, token);
  expect(response.headers.get('cache-control')).toBe('private, no-cache');
  const { apps } = (await response.json()) as { apps: { name: string; version: string }[] };
  return Object.fromEntries(apps.map((a) => [a.name, a.version]));
}

async function history(): Promise<unknown[]> {
  return (
    (await registryApp<{ history: unknown[] }>(system.bffUrl, 'inventory', TOKEN))?.history ?? []
  );
}

beforeAll(async () => {
  system = await startSystem({
    env: { MOSAIC_PUBLISH_TOKEN: TOKEN, MOSAIC_PUBLISH_TOKENS: 'ops:ops-token-0123456789abc' },
  });
  await publishVersions(
    system.bffUrl,
    { name: 'inventory', roles: ['owner', 'keeper'] },
    ['0.1.0', '0.1.1', '0.2.0-canary.1'],
    TOKEN,
  );
});
afterAll(() => system.stop());

describe('given inventory 0.1.0 stable and 0.1.1 published', () => {
  it('keeps everyone on the first version until channels change', async () => {
    expect(await versionsFor('chaye')).toEqual({ inventory: '0.1.0' });
    expect(await versionsFor('xiaomai')).toEqual({ inventory: '0.1.0' });
  });

  it('gives a canary to the listed tenant only, and tags its upstream calls', async () => {
    const response = await setChannels(
      system.bffUrl,
      'inventory',
      { canary: { version: '0.1.1', tenants: ['chaye'] } },
      'ops-token-0123456789abc',
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      name: 'inventory',
      channels: { stable: '0.1.0', canary: { version: '0.1.1', tenants: ['chaye'], percent: 0 } },
    });
    expect(await versionsFor('chaye')).toEqual({ inventory: '0.1.1' });
    expect(await versionsFor('xiaomai')).toEqual({ inventory: '0.1.0' });

    for (const [tenant, env] of [
      ['chaye', 'canary'],
      ['xiaomai', undefined],
    ] as const) {
      const { token } = await signIn(system.bffUrl, tenant, 'owner');
      const answer = await graphql(
        system.bffUrl,
        token,
        '{ products(first: 3) { id stock { onHand } } }',
      );
      const requestId = answer.headers.get('x-request-id');
      expect(answer.status).toBe(200);
      const calls = system.upstreamLog.filter((line) => line.requestId === requestId);
      expect(calls.length).toBeGreaterThan(0);
      for (const call of calls)
        expect({ tenant, env: call.env ?? undefined }).toEqual({ tenant, env });
    }
  });

  it('gives a percent canary to the same tenants on every request', async () => {
    const response = await setChannels(
      system.bffUrl,
      'inventory',
      { canary: { version: '0.2.0-canary.1', tenants: [], percent: 100 } },
      TOKEN,
    );
    expect(response.status).toBe(200);
    expect(await versionsFor('xiaomai')).toEqual({ inventory: '0.2.0-canary.1' });
    expect(await versionsFor('xiaomai')).toEqual({ inventory: '0.2.0-canary.1' });
  });

  it('promotes, then rolls back by setting stable back', async () => {
    expect(
      (await setChannels(system.bffUrl, 'inventory', { stable: '0.1.1', canary: null }, TOKEN))
        .status,
    ).toBe(200);
    expect(await versionsFor('xiaomai')).toEqual({ inventory: '0.1.1' });
    expect((await setChannels(system.bffUrl, 'inventory', { stable: '0.1.0' }, TOKEN)).status).toBe(
      200,
    );
    expect(await versionsFor('xiaomai')).toEqual({ inventory: '0.1.0' });
    expect(await versionsFor('chaye')).toEqual({ inventory: '0.1.0' });
  });

  it('records every change with who, when, from and to', async () => {
    const changes = (await history()).filter(
      (entry) => (entry as { action: string }).action === 'channels',
    );
    expect(changes).toMatchObject([
      { by: 'default', from: null, to: { stable: '0.1.0', canary: null } },
      { by: 'ops', from: { stable: '0.1.0', canary: null }, to: { canary: { version: '0.1.1' } } },
      { by: 'default', to: { canary: { percent: 100 } } },
      { by: 'default', to: { stable: '0.1.1', canary: null } },
      { by: 'default', from: { stable: '0.1.1' }, to: { stable: '0.1.0', canary: null } },
    ]);
    for (const change of changes) {
      expect(Date.parse((change as { at: string }).at)).toBeGreaterThan(Date.now() - 60_000);
    }
  });

  it('refuses versions that are not published, and changes nothing', async () => {
    const before = await history();
    const response = await setChannels(system.bffUrl, 'inventory', { stable: '9.9.9' }, TOKEN);
    expect(response.status).toBe(400);
    const body = (await response.json()) as {
      error: { code: string; message: string; requestId: string };
    };
    expect(body.error.message).toMatch(/'9.9.9' of 'inventory' is not published/);
    expect(body.error.requestId).toBeTruthy();
    expect(await history()).toEqual(before);
    expect(
      (await setChannels(system.bffUrl, 'inventory', { stable: '0.1.0' }, 'nope-nope-nope-nope'))
        .status,
    ).toBe(401);
    expect((await setChannels(system.bffUrl, 'nothing', { stable: '0.1.0' }, TOKEN)).status).toBe(
      404,
    );
  });
});
