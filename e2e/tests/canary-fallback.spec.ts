// A canary that throws on mount: its tenants see the stable version at once, and after enough
// failure reports the BFF suspends the canary (the registry says so, the CLI prints it).
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { mosaicApp, openApp, signIn } from './helpers';

const buildKit = fileURLToPath(new URL('../../build-kit', import.meta.url));

interface RegistryApp {
  name: string;
  channels: { canary: { version: string; suspended?: { reason: string } } | null };
}

/** The app's entry in the registry, read with the publish token `pnpm start` made. */
async function registryApp(page: Page, name: string): Promise<RegistryApp | undefined> {
  const token = readFileSync(path.join(process.env.E2E_DATA_DIR ?? '', 'publish-token'), 'utf8');
  const response = await page.request.get('/api/registry/apps', {
    headers: { authorization: `Bearer ${token.trim()}` },
  });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { apps: RegistryApp[] }).apps.find((a) => a.name === name);
}

/** Signs in, opens the app and returns the versions its files were requested from. */
async function openAs(page: Page, tenant: string, name: string): Promise<Set<string>> {
  const versions = new Set<string>();
  page.on('request', (request) => {
    const match = new RegExp(`^/apps/${name}/([^/]+)/`).exec(new URL(request.url()).pathname);
    if (match?.[1]) versions.add(match[1]);
  });
  await page.goto('/');
  await signIn(page, tenant, 'owner');
  await openApp(page, name);
  return versions;
}

test.describe('given a canary that throws on mount, released to chaye and xiaomai', () => {
  const cwd = mkdtempSync(path.join(os.tmpdir(), 'mosaic-canary-'));
  // One app per browser project: both run this file against one system and one registry.
  let name = '';
  let dir = '';

  test.beforeAll(async () => {
    // Sorts after the demo apps, so `/` still opens inventory for the specs that run later.
    name = `x-fallback-${test.info().project.name}`;
    dir = path.join(cwd, name);
    expect((await mosaicApp(cwd, ['create', name, '--template', 'vanilla'])).stderr).toBe('');
    mkdirSync(path.join(dir, 'node_modules', '@mosaic'), { recursive: true });
    symlinkSync(buildKit, path.join(dir, 'node_modules', '@mosaic', 'build-kit'), 'dir');
    expect((await mosaicApp(dir, ['build'])).stdout).toContain(`built ${name}@0.1.0`);
    expect((await mosaicApp(dir, ['publish'])).code).toBe(0);

    // The next version, broken on purpose: its mount throws.
    const pkg = path.join(dir, 'package.json');
    writeFileSync(
      pkg,
      readFileSync(pkg, 'utf8').replace('"version": "0.1.0"', '"version": "0.2.0"'),
    );
    const main = path.join(dir, 'src', 'main.ts');
    const source = readFileSync(main, 'utf8');
    expect(source).toContain('mount(ctx) {');
    writeFileSync(
      main,
      source.replace('mount(ctx) {', "mount(ctx) {\n    throw new Error('broken on purpose');"),
    );
    expect((await mosaicApp(dir, ['build'])).stdout).toContain(`built ${name}@0.2.0`);
    expect((await mosaicApp(dir, ['publish'])).code).toBe(0);
    const released = await mosaicApp(dir, [
      'release',
      '--canary',
      '0.2.0',
      '--tenants',
      'chaye,xiaomai',
    ]);
    expect(released.stdout).toContain('canary 0.2.0 → chaye + xiaomai');
  });

  test('its tenants get the stable version at once, and the canary is suspended', async ({
    page,
    browser,
  }) => {
    const app = page.locator(`[data-mosaic-app="${name}"]:not([data-mosaic-portal])`);
    const tried = await openAs(page, 'chaye', name);
    // The stable version shows, with a notice in the frame's language, and no error panel.
    await expect(app.getByRole('heading', { name: '首页' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: '稳定版 0.1.0' })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    expect([...tried].sort()).toEqual(['0.1.0', '0.2.0']);
    // One tenant (threshold: 2 tenants or 3 users) is not enough to suspend it.
    expect((await registryApp(page, name))?.channels.canary?.suspended).toBeUndefined();

    const other = await browser.newPage();
    await openAs(other, 'xiaomai', name);
    await expect(
      other.locator(`[data-mosaic-app="${name}"]:not([data-mosaic-portal])`).getByRole('heading', {
        name: '首页',
      }),
    ).toBeVisible();
    await expect
      .poll(async () => (await registryApp(page, name))?.channels.canary?.suspended?.reason)
      .toContain('2 tenant(s)');
    const state = await mosaicApp(dir, ['release']);
    expect(state.stdout).toContain('canary 0.2.0 → chaye + xiaomai (SUSPENDED since');

    // Suspended: the canary's tenants are served stable straight away, without trying 0.2.0.
    await other.close();
    const fresh = await browser.newPage();
    const after = await openAs(fresh, 'chaye', name);
    await expect(
      fresh.locator(`[data-mosaic-app="${name}"]:not([data-mosaic-portal])`).getByRole('heading', {
        name: '首页',
      }),
    ).toBeVisible();
    expect([...after]).toEqual(['0.1.0']);
    await fresh.close();
  });
});
