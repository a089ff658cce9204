import { expect, test } from '@playwright/test';
import { buildAndServeExample, overridePath, signIn } from './helpers';

let careless: Awaited<ReturnType<typeof buildAndServeExample>>;

test.beforeAll(async () => {
  careless = await buildAndServeExample('careless');
});

test.afterAll(async () => {
  await careless?.close();
});

test.describe('given an owner reading English and an app whose mount throws', () => {
  test('the panel names the app and what to do, in English, and Retry asks /api/apps first', async ({
    page,
  }, testInfo) => {
    await page.addInitScript(() => {
      localStorage.setItem('mosaic:locale', 'en-US');
      if (!sessionStorage.getItem('careless:fixed')) {
        localStorage.setItem('careless:fail-mount', '1');
      }
    });
    const appLists: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/api/apps') appLists.push(r.url());
    });
    await page.goto(overridePath('careless', careless.url, '/careless'));
    await signIn(page, 'xiaomai', 'owner');

    const panel = page.getByRole('alert');
    await expect(panel).toContainText('Careless could not open');
    await expect(panel).toContainText('Press Retry');
    await expect(panel).toContainText(/Request ID: \S+/);
    const text = await panel.innerText();
    expect(text).not.toMatch(/\p{Script=Han}/u);
    expect(text).not.toMatch(/died in status|parcel|mosaic_careless|mount failed on purpose/);
    await page.setViewportSize(
      testInfo.project.name === 'phone'
        ? { width: 360, height: 740 }
        : { width: 1280, height: 800 },
    );
    await page.screenshot({ path: testInfo.outputPath('mount-failed-en.png') });

    // The team ships a fix: the next mount works.
    await page.evaluate(() => {
      sessionStorage.setItem('careless:fixed', '1');
      localStorage.removeItem('careless:fail-mount');
    });
    const listsBefore = appLists.length;
    await panel.getByRole('button', { name: 'Retry' }).click();
    await expect(page.getByTestId('careless-ready')).toBeVisible();
    expect(appLists.length).toBeGreaterThan(listsBefore);
  });
});

test.describe('given an owner reading Chinese whose app list points at a missing version', () => {
  test('says the download failed, in Chinese, and Retry loads the version /api/apps names now', async ({
    page,
  }, testInfo) => {
    let broken = true;
    type AppList = { apps: Record<string, unknown>[] };
    // What a bad release looks like: the manifest names files that are not there.
    const breakInventory = (list: AppList): AppList => ({
      ...list,
      apps: list.apps.map((app) =>
        app.name === 'inventory'
          ? { ...app, entry: '/apps/inventory/0.0.0-missing/index.html', shared: undefined }
          : app,
      ),
    });
    // The list comes with the sign-in answer, and from /api/apps after it (Retry asks again).
    await page.route('**/api/session', async (route) => {
      const response = await route.fetch();
      if (route.request().method() !== 'POST' || response.status() !== 200) {
        return route.fulfill({ response });
      }
      const body = (await response.json()) as { appList?: AppList };
      if (broken && body.appList) body.appList = breakInventory(body.appList);
      await route.fulfill({ response, json: body });
    });
    await page.route('**/api/apps', async (route) => {
      // Always the whole list (no 304 against a list this route rewrote), never cached.
      const { 'if-none-match': _etag, ...headers } = route.request().headers();
      const response = await route.fetch({ headers });
      // The shell asks before sign-in too (a 401): only a list is rewritten.
      if (response.status() !== 200) return route.fulfill({ response });
      const listed = (await response.json()) as AppList;
      const body = broken ? breakInventory(listed) : listed;
      await route.fulfill({
        response,
        json: body,
        headers: { ...response.headers(), 'cache-control': 'no-store', etag: '' },
      });
    });
    await page.goto('/inventory');
    await signIn(page, 'xiaomai', 'owner');

    const panel = page.getByRole('alert');
    await expect(panel).toContainText('库存 下载失败');
    await expect(panel).toContainText('请检查网络连接');
    await expect(panel).toContainText(/请求 ID: \S+/);
    await expect(panel).not.toContainText('HTTP 404');
    await page.setViewportSize(
      testInfo.project.name === 'phone'
        ? { width: 360, height: 740 }
        : { width: 1280, height: 800 },
    );
    await page.screenshot({ path: testInfo.outputPath('download-failed-zh.png') });

    broken = false; // the operator fixed the release
    await panel.getByRole('button', { name: '重试' }).click();
    await expect(page.getByTestId('product-row').first()).toBeVisible();
  });
});
