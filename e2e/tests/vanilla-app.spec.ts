// An outside team's app in plain TypeScript, made by `mosaic-app create --template vanilla` in a
// folder outside this repository, built, published and opened in the real shell.
import { mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { mosaicApp, openApp, signIn } from './helpers';

const buildKit = fileURLToPath(new URL('../../build-kit', import.meta.url));
/** Defined by the react package itself: a script holding it carries a copy of React. */
const REACT_MARKER = '__CLIENT_INTERNALS_DO_NOT_USE_OR_WARN_USERS_THEY_CANNOT_UPGRADE';

test.describe('given a vanilla app created, built and published by an outside team', () => {
  const cwd = mkdtempSync(path.join(os.tmpdir(), 'mosaic-outside-'));
  const dir = path.join(cwd, 'tally');

  test.beforeAll(async () => {
    const created = await mosaicApp(cwd, ['create', 'tally', '--template', 'vanilla']);
    expect(created.stderr).toBe('');
    // What `pnpm install` makes of the app's `link:` dependency on build-kit.
    mkdirSync(path.join(dir, 'node_modules', '@mosaic'), { recursive: true });
    symlinkSync(buildKit, path.join(dir, 'node_modules', '@mosaic', 'build-kit'), 'dir');
    const built = await mosaicApp(dir, ['build']);
    expect(built.stdout).toContain('built tally@0.1.0');
    const published = await mosaicApp(dir, ['publish']);
    // Both browser projects run this file against one system: the second finds it published.
    if (published.code !== 0) expect(published.stderr).toContain('already published');
  });

  test('shows its pages by route in the shell, with no React anywhere', async ({ page }) => {
    const scripts: { url: string; hasReact: boolean }[] = [];
    page.on('response', async (response) => {
      const { pathname } = new URL(response.url());
      if (pathname.startsWith('/apps/tally/') && pathname.endsWith('.js')) {
        scripts.push({ url: pathname, hasReact: (await response.text()).includes(REACT_MARKER) });
      }
    });
    await page.goto('/');
    await signIn(page, 'xiaomai', 'owner');
    await openApp(page, 'tally');

    // The app's root, not the portal layer the shell gives each app (same attribute).
    const app = page.locator('[data-mosaic-app="tally"]:not([data-mosaic-portal])');
    await expect(app.getByRole('heading', { name: '首页' })).toBeVisible();
    await expect(app).toContainText('你好，');
    await app.getByRole('link', { name: '关于' }).click();
    await expect(page).toHaveURL(/\/tally\/about$/);
    await expect(app.getByRole('heading', { name: '关于' })).toBeVisible();
    await expect(app).toContainText('tally runs on protocol');
    await expect(page).toHaveTitle(/^关于 · tally/);
    await page.goBack();
    await expect(app.getByRole('heading', { name: '首页' })).toBeVisible();

    expect(scripts).toEqual([{ url: '/apps/tally/0.1.0/tally.js', hasReact: false }]);
    const manifest = await (await page.request.get('/apps/tally/0.1.0/mosaic.json')).json();
    expect(manifest).not.toHaveProperty('shared');
  });
});
