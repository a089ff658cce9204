// The `mosaic-app` CLI as an app team runs it (a child process), against a booted BFF.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appFiles, publishVersions, setChannels } from './registry_archive.js';
import type { BuiltApp } from './registry_archive.js';
import { startSystem } from './start_system.js';
import type { TestSystem } from './start_system.js';

const TOKEN = 'test-publish-token-0123456789';
const cli = fileURLToPath(new URL('../../build-kit/bin/mosaic-app.js', import.meta.url));
let system: TestSystem;

/** An app folder whose dist/ holds a build (what `mosaic-app build` leaves). */
async function appFolder(app: BuiltApp, tamper = false): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'mosaic-cli-app-'));
  for (const entry of appFiles(app)) {
    const file = path.join(root, 'dist', entry.path);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, tamper && entry.path === 'index.html' ? 'tampered' : (entry.body ?? ''));
  }
  return root;
}

function mosaicApp(
  cwd: string,
  args: string[],
  token = TOKEN,
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    MOSAIC_REGISTRY_URL: system.bffUrl,
    ...extraEnv,
  };
  delete env.MOSAIC_PUBLISH_TOKEN;
  if (token) env.MOSAIC_PUBLISH_TOKEN = token;
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], { cwd, env }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

beforeAll(async () => {
  system = await startSystem({ services: false, env: { MOSAIC_PUBLISH_TOKEN: TOKEN } });
});
afterAll(() => system.stop());

describe('mosaic-app publish', () => {
  it('publishes a build and says so', async () => {
    const root = await appFolder({ name: 'inventory', version: '0.1.0' });
    const result = await mosaicApp(root, ['publish']);
    expect(result).toMatchObject({ code: 0 });
    expect(result.stdout).toContain('published inventory@0.1.0');
  });

  it('prints one warning line when a role of the manifest is granted the app nowhere', async () => {
    const root = await appFolder({ name: 'ledger', version: '0.1.0', roles: ['owner', 'keeper'] });
    const result = await mosaicApp(root, ['publish']);
    expect(result).toMatchObject({ code: 0 });
    expect(result.stdout).toContain('published ledger@0.1.0');
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^mosaic-app: warning: role keeper is not granted 'ledger' in any tenant/,
      ),
    ]);
  });

  it('packs with no tar program on the machine', async () => {
    const root = await appFolder({ name: 'inventory', version: '0.1.2' });
    const result = await mosaicApp(root, ['publish'], TOKEN, { PATH: '' });
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('published inventory@0.1.2');
    const js = await fetch(`${system.bffUrl}/apps/inventory/0.1.2/inventory.js`);
    expect(await js.text()).toContain('inventory@0.1.2');
  });

  it('takes --registry and --token', async () => {
    const root = await appFolder({ name: 'inventory', version: '0.1.1' });
    const result = await mosaicApp(
      root,
      ['publish', '--registry', system.bffUrl, '--token', TOKEN],
      '',
    );
    expect(result.code).toBe(0);
  });

  it('fails with the reason and a request id on a duplicate version', async () => {
    const root = await appFolder({ name: 'inventory', version: '0.1.0' });
    const result = await mosaicApp(root, ['publish']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/already published.*bump "version".*request id/s);
  });

  it('fails on a wrong token, a missing token and a tampered build', async () => {
    const root = await appFolder({ name: 'inventory', version: '0.2.0' });
    const wrong = await mosaicApp(root, ['publish'], 'wrong-token-0123456789');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/MOSAIC_PUBLISH_TOKEN/);
    const missing = await mosaicApp(root, ['publish'], '');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/MOSAIC_PUBLISH_TOKEN is not set/);
    const tampered = await mosaicApp(
      await appFolder({ name: 'inventory', version: '0.2.1' }, true),
      ['publish'],
    );
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toMatch(/does not match mosaic.json/);
  });
});

describe('given a built dist whose mosaic.json was edited by hand', () => {
  it('publish fails with one line naming the edit and a request id', async () => {
    const root = await appFolder({ name: 'inventory', version: '0.3.0', roles: ['owner'] });
    const file = path.join(root, 'dist', 'mosaic.json');
    const manifest = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    await writeFile(file, JSON.stringify({ ...manifest, roles: ['owner', 'clerk'] }, null, 2));
    const result = await mosaicApp(root, ['publish']);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/mosaic.json was edited after the build.*\(request id \S+\)/);
  });
});

describe('mosaic-app release', () => {
  it('starts a canary, promotes and rolls back, printing the channels', async () => {
    const root = await appFolder({ name: 'inventory', version: '0.1.1' });
    const canary = await mosaicApp(root, ['release', '--canary', '0.1.1', '--tenants', 'chaye']);
    expect(canary.code).toBe(0);
    expect(canary.stdout).toContain('released inventory: stable 0.1.0, canary 0.1.1 → chaye');
    const promote = await mosaicApp(root, ['release', '--stable', '0.1.1', '--end-canary']);
    expect(promote.stdout).toContain('stable 0.1.1, no canary');
    const rollback = await mosaicApp(root, ['release', '--app', 'inventory', '--stable', '0.1.0']);
    expect(rollback.stdout).toContain('stable 0.1.0, no canary');
  });

  it('refuses --stable of a version that never ran as a canary, unless --force', async () => {
    const root = await appFolder({ name: 'inventory', version: '0.1.2' });
    const refused = await mosaicApp(root, ['release', '--stable', '0.1.2']);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toMatch(/never ran as a canary.*--force.*request id \S+/);
    const forced = await mosaicApp(root, ['release', '--stable', '0.1.2', '--force']);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('stable 0.1.2, no canary');
    const back = await mosaicApp(root, ['release', '--stable', '0.1.0']);
    expect(back.stdout).toContain('stable 0.1.0, no canary');
  });

  it('fails with the registry reason on an unpublished version or a bad token', async () => {
    const root = await appFolder({ name: 'inventory', version: '0.1.1' });
    const unknown = await mosaicApp(root, ['release', '--stable', '3.0.0']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/'3.0.0' of 'inventory' is not published.*request id/s);
    const wrong = await mosaicApp(root, ['release', '--stable', '0.1.0'], 'wrong-token-0123456789');
    expect(wrong.code).toBe(1);
    // Nothing to change: it prints the channels in force.
    const state = await mosaicApp(root, ['release']);
    expect(state.code).toBe(0);
    expect(state.stdout).toBe('mosaic-app: released inventory: stable 0.1.0, no canary\n');
  });
});

describe('mosaic-app prune', () => {
  it('removes old versions no channel uses, keeping the newest --keep', async () => {
    await publishVersions(
      system.bffUrl,
      { name: 'sales' },
      ['1.0.0', '1.1.0', '1.2.0', '1.3.0', '1.4.0', '1.5.0', '1.6.0'],
      TOKEN,
    );
    const channels = await setChannels(
      system.bffUrl,
      'sales',
      { stable: '1.1.0', canary: { version: '1.2.0', tenants: ['chaye'] }, force: true },
      TOKEN,
    );
    expect(channels.status).toBe(200);
    const root = await appFolder({ name: 'sales', version: '1.6.0' });

    const pruned = await mosaicApp(root, ['prune', '--keep', '2']);
    expect(pruned.stderr).toBe('');
    expect(pruned.stdout).toBe(
      'mosaic-app: pruned sales: removed 1.0.0, 1.3.0, 1.4.0; kept 1.6.0, 1.5.0, 1.2.0 (canary), 1.1.0 (stable)\n',
    );
    expect((await fetch(`${system.bffUrl}/apps/sales/1.0.0/index.html`)).status).toBe(404);
    expect((await fetch(`${system.bffUrl}/apps/sales/1.1.0/index.html`)).status).toBe(200);

    const again = await mosaicApp(root, ['prune', '--keep', '2']);
    expect(again.stdout).toContain('pruned sales: nothing to remove; kept 1.6.0, 1.5.0,');
    const byDefault = await mosaicApp(root, ['prune', '--app', 'sales']);
    expect(byDefault.stdout).toContain('nothing to remove');
  });

  it('fails with one line on a bad --keep, an unknown app or a bad token', async () => {
    const root = await appFolder({ name: 'shop', version: '0.1.0' });
    const zero = await mosaicApp(root, ['prune', '--keep', '0']);
    expect(zero.code).toBe(1);
    expect(zero.stderr).toMatch(/--keep must be a whole number of versions, at least 1 \(got 0\)/);
    const unknown = await mosaicApp(root, ['prune']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/no app 'shop' in the registry/);
    const wrong = await mosaicApp(root, ['prune', '--app', 'sales'], 'wrong-token-0123456789');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/MOSAIC_PUBLISH_TOKEN.*request id/);
  });
});
