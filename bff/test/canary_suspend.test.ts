import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishVersions, registryApp, setChannels } from './registry_archive.js';
import { startRedis } from './start_redis.js';
import type { TestRedis } from './start_redis.js';
import { signIn, startSystem } from './start_system.js';
import type { TestSystem } from './start_system.js';
import { getApps } from './system_probes.js';

const TOKEN = 'test-publish-token-0123456789';
let redis: TestRedis;
let system: TestSystem;

interface Entry {
  name: string;
  version: string;
  entry: string;
  fallback?: { version: string; entry: string };
}

async function inventoryFor(tenant: string, username = 'owner'): Promise<Entry | undefined> {
  const { token } = await signIn(system.bffUrl, tenant, username);
  const response = await getApps(system.bffUrl, token);
  expect(response.status).toBe(200);
  const { apps } = (await response.json()) as { apps: Entry[] };
  return apps.find((app) => app.name === 'inventory');
}

/** What the shell sends when an app fails; answers 204 whether or not it counted. */
async function reportFailure(
  tenant: string,
  username: string,
  report: { kind: string; appVersion: string },
): Promise<void> {
  const { token } = await signIn(system.bffUrl, tenant, username);
  const response = await fetch(`${system.bffUrl}/api/client-errors`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ app: 'inventory', message: 'boom on mount', ...report }),
  });
  expect(response.status).toBe(204);
}

interface RegistryInventory {
  channels: {
    stable: string;
    canary: {
      version: string;
      suspended?: { reason: string; reports: { tenant: string; user: string; kind: string }[] };
    } | null;
  };
  history: { action: string; by: string; version?: string; reason?: string }[];
}

async function registryInventory(): Promise<RegistryInventory> {
  return (await registryApp<RegistryInventory>(system.bffUrl, 'inventory', TOKEN))!;
}

beforeAll(async () => {
  redis = await startRedis();
  system = await startSystem({
    services: false,
    env: {
      REDIS_URL: redis.url,
      MOSAIC_PUBLISH_TOKEN: TOKEN,
      MOSAIC_CANARY_SUSPEND_USERS: '2',
      MOSAIC_CANARY_SUSPEND_TENANTS: '5',
      MOSAIC_CANARY_SUSPEND_WINDOW_MINUTES: '10',
    },
  });
  await publishVersions(
    system.bffUrl,
    { name: 'inventory', roles: ['owner', 'keeper'] },
    ['0.1.0', '0.2.0', '0.3.0'],
    TOKEN,
  );
  const released = await setChannels(
    system.bffUrl,
    'inventory',
    { canary: { version: '0.2.0', tenants: ['xiaomai'] } },
    TOKEN,
  );
  expect(released.status).toBe(200);
});
afterAll(async () => {
  await system?.stop();
  await redis?.stop();
});

describe('given inventory 0.2.0 as a canary for xiaomai and 0.1.0 stable', () => {
  it('gives the canary tenant the stable version to fall back to, and others none', async () => {
    expect(await inventoryFor('xiaomai')).toMatchObject({
      version: '0.2.0',
      entry: '/apps/inventory/0.2.0/index.html',
      fallback: { version: '0.1.0', entry: '/apps/inventory/0.1.0/index.html' },
    });
    const chaye = await inventoryFor('chaye');
    expect(chaye?.version).toBe('0.1.0');
    expect(chaye?.fallback).toBeUndefined();
  });

  it('refuses to promote a version that never ran as a canary, with a code and request id', async () => {
    const response = await setChannels(system.bffUrl, 'inventory', { stable: '0.3.0' }, TOKEN);
    expect(response.status).toBe(409);
    const { error } = (await response.json()) as {
      error: { code: string; message: string; requestId: string };
    };
    expect(error.code).toBe('CANARY_REQUIRED');
    expect(error.message).toContain('never ran as a canary');
    expect(error.requestId).toBeTruthy();
    expect((await registryInventory()).channels.stable).toBe('0.1.0');
  });

  it('suspends the canary once enough of its users report it failing, and serves them stable', async () => {
    // Not counted: a tenant outside the canary, a runtime error, the stable version.
    await reportFailure('chaye', 'owner', { kind: 'mount', appVersion: '0.2.0' });
    await reportFailure('xiaomai', 'keeper', { kind: 'runtime', appVersion: '0.2.0' });
    await reportFailure('xiaomai', 'keeper', { kind: 'mount', appVersion: '0.1.0' });
    // The same user twice is one user.
    await reportFailure('xiaomai', 'owner', { kind: 'mount', appVersion: '0.2.0' });
    await reportFailure('xiaomai', 'owner', { kind: 'load', appVersion: '0.2.0' });
    expect((await registryInventory()).channels.canary?.suspended).toBeUndefined();
    expect((await inventoryFor('xiaomai'))?.version).toBe('0.2.0');

    await reportFailure('xiaomai', 'keeper', { kind: 'load', appVersion: '0.2.0' });

    const registry = await registryInventory();
    expect(registry.channels.canary?.version).toBe('0.2.0');
    expect(registry.channels.canary?.suspended?.reason).toContain('2 user(s) in 1 tenant(s)');
    expect(registry.channels.canary?.suspended?.reports).toEqual([
      expect.objectContaining({ tenant: 'xiaomai', user: 'owner', kind: 'mount' }),
      expect.objectContaining({ tenant: 'xiaomai', user: 'owner', kind: 'load' }),
      expect.objectContaining({ tenant: 'xiaomai', user: 'keeper', kind: 'load' }),
    ]);
    expect(registry.history.at(-1)).toMatchObject({
      action: 'suspend',
      by: 'bff',
      version: '0.2.0',
    });
    const xiaomai = await inventoryFor('xiaomai');
    expect(xiaomai?.version).toBe('0.1.0');
    expect(xiaomai?.fallback).toBeUndefined();
    const metrics = await (await fetch(`${system.bffUrl}/metrics`)).text();
    expect(metrics).toMatch(/^bff_canary_suspensions_total\{app="inventory"\} 1$/m);
  });

  it('keeps the suspension when the same canary is released again', async () => {
    const again = await setChannels(
      system.bffUrl,
      'inventory',
      { canary: { version: '0.2.0', tenants: ['xiaomai', 'chaye'] } },
      TOKEN,
    );
    expect(again.status).toBe(200);
    expect((await registryInventory()).channels.canary?.suspended).toBeDefined();
    expect((await inventoryFor('chaye'))?.version).toBe('0.1.0');
  });

  it('refuses to promote the suspended canary without force', async () => {
    const response = await setChannels(system.bffUrl, 'inventory', { stable: '0.2.0' }, TOKEN);
    expect(response.status).toBe(409);
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('CANARY_REQUIRED');
    expect(error.message).toContain('suspended');
  });

  it('serves the canary again after an explicit resume, counting failures from zero', async () => {
    const resumed = await setChannels(system.bffUrl, 'inventory', { resume: true }, TOKEN);
    expect(resumed.status).toBe(200);
    const registry = await registryInventory();
    expect(registry.channels.canary?.suspended).toBeUndefined();
    expect(registry.history.at(-1)).toMatchObject({ action: 'resume', by: 'default' });
    expect((await inventoryFor('xiaomai'))?.version).toBe('0.2.0');

    // Two users reported within the window before the resume; one more must not suspend it.
    await reportFailure('xiaomai', 'owner', { kind: 'mount', appVersion: '0.2.0' });
    expect((await registryInventory()).channels.canary?.suspended).toBeUndefined();

    const twice = await setChannels(system.bffUrl, 'inventory', { resume: true }, TOKEN);
    expect(twice.status).toBe(409);
    expect(((await twice.json()) as { error: { code: string } }).error.code).toBe('CONFLICT');
  });

  it('promotes a version that ran as a canary, and any version with force', async () => {
    expect(
      (await setChannels(system.bffUrl, 'inventory', { stable: '0.2.0', canary: null }, TOKEN))
        .status,
    ).toBe(200);
    expect(
      (await setChannels(system.bffUrl, 'inventory', { stable: '0.3.0', force: true }, TOKEN))
        .status,
    ).toBe(200);
    expect((await inventoryFor('chaye'))?.version).toBe('0.3.0');
  });
});
