import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { mosaicApp, openApp, rebuiltCopy, signIn } from './helpers';

const inventoryDist = fileURLToPath(new URL('../../micro-apps/inventory/dist', import.meta.url));

/** The built inventory app with only its version changed: what a team's next build ships. */
function nextBuild(): { root: string; from: string; to: string } {
  const manifest = JSON.parse(readFileSync(path.join(inventoryDist, 'mosaic.json'), 'utf8')) as {
    version: string;
  };
  const [major, minor, patch] = manifest.version.split(/[.-]/).map(Number);
  const to = `${major}.${minor}.${(patch ?? 0) + 1}`;
  const root = rebuiltCopy(inventoryDist, { version: to });
  return { root, from: manifest.version, to };
}

/** Signs in and opens inventory; returns the version folder its files were loaded from. */
async function loadedInventoryVersion(page: Page, tenant: string): Promise<string> {
  const versions: string[] = [];
  page.on('request', (request) => {
    const match = /\/apps\/inventory\/([^/]+)\//.exec(new URL(request.url()).pathname);
    if (match?.[1]) versions.push(match[1]);
  });
  await page.goto('/');
  await signIn(page, tenant, 'owner');
  await openApp(page, '库存');
  await expect(page.getByTestId('product-row').first()).toBeVisible();
  expect(new Set(versions).size).toBe(1);
  return versions[0] ?? '';
}

test.describe('given a new inventory build released as a canary for chaye', () => {
  const build = nextBuild();

  test.beforeAll(async () => {
    const published = await mosaicApp(build.root, ['publish']);
    // Both browser projects run this file against one system: the second finds it published.
    if (published.code !== 0) expect(published.stderr).toContain('already published');
    const released = await mosaicApp(build.root, [
      'release',
      '--canary',
      build.to,
      '--tenants',
      'chaye',
    ]);
    expect(released.stderr).toBe('');
    expect(released.stdout).toContain(`canary ${build.to} → chaye`);
  });

  test.afterAll(async () => {
    expect((await mosaicApp(build.root, ['release', '--end-canary'])).code).toBe(0);
  });

  test('chaye loads the new version on its next load, with no restart', async ({ page }) => {
    expect(existsSync(path.join(build.root, 'dist', 'index.html'))).toBe(true);
    expect(await loadedInventoryVersion(page, 'chaye')).toBe(build.to);
  });

  test('xiaomai keeps the stable version', async ({ page }) => {
    expect(await loadedInventoryVersion(page, 'xiaomai')).toBe(build.from);
  });
});
