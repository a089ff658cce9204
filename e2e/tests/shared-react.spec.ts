import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import type { Page, Response } from '@playwright/test';
import { mosaicApp, openApp, rebuiltCopy, signIn } from './helpers';

/** Defined by the react package itself: a script holding it carries a copy of React. */
const REACT_MARKER = '__CLIENT_INTERNALS_DO_NOT_USE_OR_WARN_USERS_THEY_CANNOT_UPGRADE';

const salesDist = fileURLToPath(new URL('../../micro-apps/sales/dist', import.meta.url));

/** Every script the page downloads, with whether it holds a copy of React. */
function recordScripts(page: Page): { url: string; hasReact: boolean }[] {
  const scripts: { url: string; hasReact: boolean }[] = [];
  const pending: Promise<void>[] = [];
  page.on('response', (response: Response) => {
    const { pathname } = new URL(response.url());
    if (!pathname.endsWith('.js') || response.status() !== 200) return;
    pending.push(
      response.text().then(
        (body) => void scripts.push({ url: pathname, hasReact: body.includes(REACT_MARKER) }),
        () => undefined,
      ),
    );
  });
  Object.defineProperty(scripts, 'settled', { value: () => Promise.all(pending) });
  return scripts;
}

async function settled(scripts: { url: string }[]): Promise<void> {
  await (scripts as unknown as { settled(): Promise<void> }).settled();
}

test.describe('given apps built with the shell’s React minor', () => {
  test('each app downloads only its shared script and React comes once, from the shell', async ({
    page,
  }) => {
    const scripts = recordScripts(page);
    await page.goto('/');
    await signIn(page, 'xiaomai', 'owner');
    await openApp(page, '库存');
    await expect(page.getByTestId('product-row').first()).toBeVisible();
    await openApp(page, '销售');
    await expect(page.locator('#root[data-mosaic-app="sales"]')).toBeVisible();
    await openApp(page, '商城');
    await expect(page.locator('#root[data-mosaic-app="shop"]')).toBeVisible();
    await settled(scripts);

    const appScripts = scripts.filter((s) => s.url.startsWith('/apps/'));
    for (const name of ['inventory', 'sales', 'shop']) {
      const mine = appScripts.filter((s) => s.url.startsWith(`/apps/${name}/`)).map((s) => s.url);
      expect(mine.some((url) => url.endsWith(`/${name}.shared.js`))).toBe(true);
      expect(mine.some((url) => url.endsWith(`/${name}.js`))).toBe(false);
    }
    expect(appScripts.filter((s) => s.hasReact)).toEqual([]);
    expect(scripts.filter((s) => s.hasReact).length).toBeGreaterThan(0);
  });
});

test.describe('given a sales build made with another React minor', () => {
  const manifest = JSON.parse(readFileSync(path.join(salesDist, 'mosaic.json'), 'utf8')) as {
    version: string;
    shared?: { entry: string; react: string };
  };
  const version = `${manifest.version.split('-')[0]}-react18`;
  const root = rebuiltCopy(salesDist, {
    version,
    shared: { entry: 'index.shared.html', react: '18.3.1' },
  });

  test.beforeAll(async () => {
    const published = await mosaicApp(root, ['publish']);
    // Both browser projects run this file against one system: the second finds it published.
    if (published.code !== 0) expect(published.stderr).toContain('already published');
    const released = await mosaicApp(root, ['release', '--canary', version, '--tenants', 'chaye']);
    expect(released.stderr).toBe('');
  });

  test.afterAll(async () => {
    expect((await mosaicApp(root, ['release', '--end-canary'])).code).toBe(0);
  });

  test('the shell loads its bundled script, React inside', async ({ page }) => {
    const scripts = recordScripts(page);
    await page.goto('/');
    await signIn(page, 'chaye', 'owner');
    await openApp(page, '销售');
    await expect(page.locator('#root[data-mosaic-app="sales"]')).toBeVisible();
    await settled(scripts);

    const sales = scripts.filter((s) => s.url.startsWith(`/apps/sales/${version}/`));
    expect(sales.map((s) => s.url)).toEqual([`/apps/sales/${version}/sales.js`]);
    expect(sales[0]?.hasReact).toBe(true);
  });
});
