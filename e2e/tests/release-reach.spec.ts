// A release reaches a tab that is already open: on a later in-app navigation, without a reload.
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { mosaicApp, openApp, signIn } from './helpers';

const buildKit = fileURLToPath(new URL('../../build-kit', import.meta.url));

test.describe('given an open tab showing version 0.1.0 of an app', () => {
  const cwd = mkdtempSync(path.join(os.tmpdir(), 'mosaic-reach-'));
  // One app per browser project: both run this file against one system and one registry.
  let name = '';
  let dir = '';

  test.beforeAll(async () => {
    // Sorts after the demo apps, so `/` still opens inventory for the specs that run later.
    name = `x-reach-${test.info().project.name}`;
    dir = path.join(cwd, name);
    expect((await mosaicApp(cwd, ['create', name, '--template', 'vanilla'])).stderr).toBe('');
    mkdirSync(path.join(dir, 'node_modules', '@mosaic'), { recursive: true });
    symlinkSync(buildKit, path.join(dir, 'node_modules', '@mosaic', 'build-kit'), 'dir');
    for (const version of ['0.1.0', '0.2.0']) {
      const pkg = path.join(dir, 'package.json');
      writeFileSync(
        pkg,
        readFileSync(pkg, 'utf8').replace(/"version": "[^"]+"/, `"version": "${version}"`),
      );
      expect((await mosaicApp(dir, ['build'])).stdout).toContain(`built ${name}@${version}`);
      expect((await mosaicApp(dir, ['publish'])).code).toBe(0);
    }
  });

  test('a promotion reaches it on its next in-app navigation, without a reload', async ({
    page,
  }) => {
    const versions = new Set<string>();
    page.on('request', (request) => {
      const match = new RegExp(`^/apps/${name}/([^/]+)/`).exec(new URL(request.url()).pathname);
      if (match?.[1]) versions.add(match[1]);
    });
    await page.goto('/');
    await signIn(page, 'xiaomai', 'owner');
    await openApp(page, name);
    const app = page.locator(`[data-mosaic-app="${name}"]:not([data-mosaic-portal])`);
    await expect(app.getByRole('heading', { name: '首页' })).toBeVisible();
    expect([...versions]).toEqual(['0.1.0']);
    await page.evaluate(() => ((window as unknown as { sameTab: boolean }).sameTab = true));

    // Run as a canary for another tenant, then promoted to stable.
    expect(
      (await mosaicApp(dir, ['release', '--canary', '0.2.0', '--tenants', 'chaye'])).code,
    ).toBe(0);
    const promoted = await mosaicApp(dir, ['release', '--stable', '0.2.0', '--end-canary']);
    expect(promoted.stdout).toContain('stable 0.2.0, no canary');

    // Navigations closer than the revalidation interval do not check, so move until one does.
    let onAbout = false;
    await expect(async () => {
      onAbout = !onAbout;
      await app.getByRole('link', { name: onAbout ? '关于' : '首页' }).click();
      await expect(app.getByRole('heading', { name: onAbout ? '关于' : '首页' })).toBeVisible();
      expect(versions).toContain('0.2.0');
    }).toPass({ intervals: [1000], timeout: 30_000 });
    // The app remounted at 0.2.0 where the user was, in the same document.
    await expect(app.getByRole('heading')).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { sameTab?: boolean }).sameTab)).toBe(
      true,
    );
  });
});
