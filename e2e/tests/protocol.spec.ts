import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { openApp, overridePath, productNamesOf, serveBuild, signIn } from './helpers';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const exampleDir = path.join(root, 'build-kit/examples/hello');

let hello: Awaited<ReturnType<typeof serveBuild>>;
let future: Awaited<ReturnType<typeof serveBuild>>;
/** The protocol this build-kit (and so the shell) speaks, read from the example's manifest. */
let shellProtocol = '';

test.beforeAll(() => {
  // The example app is built with the CLI alone, as a new team would build theirs.
  execFileSync(process.execPath, [path.join(root, 'build-kit/bin/mosaic-app.js'), 'build'], {
    cwd: exampleDir,
    stdio: 'pipe',
  });
});

test.beforeAll(async () => {
  hello = await serveBuild(path.join(exampleDir, 'dist'));
  // The same build claiming to speak protocol 2: what another build-kit major would emit.
  const futureDir = mkdtempSync(path.join(os.tmpdir(), 'mosaic-future-'));
  cpSync(path.join(exampleDir, 'dist'), futureDir, { recursive: true });
  const manifestFile = path.join(futureDir, 'mosaic.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  shellProtocol = manifest.protocol;
  writeFileSync(
    manifestFile,
    JSON.stringify({
      ...manifest,
      name: 'future',
      route: '/future',
      title: '新协议',
      titles: { en: 'Next protocol' },
      protocol: '2.0.0',
    }),
  );
  future = await serveBuild(futureDir);
});

test.afterAll(async () => {
  await hello?.close();
  await future?.close();
});

test.describe('given a developer override of the example app', () => {
  test('loads the local build into the real shell for this browser only', async ({
    page,
    browser,
  }, testInfo) => {
    // The example is built for the owner (its manifest's roles): an override never widens a role.
    await page.goto(overridePath('hello', hello.url));
    await signIn(page, 'xiaomai', 'owner');
    await expect(page.getByTestId('override-banner')).toContainText('hello');
    await openApp(page, '示例');

    await expect(page.getByRole('heading', { name: /你好/ })).toBeVisible();
    // The sticky session.changed the shell published before the app mounted.
    await expect(page.getByTestId('session-from-bus')).toContainText('xiaomai / owner');
    await page.screenshot({ path: testInfo.outputPath('override-hello.png'), fullPage: true });

    // Another browser, same user: the published apps only.
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await otherPage.goto('/');
    await signIn(otherPage, 'xiaomai', 'owner');
    await expect(otherPage.getByTestId('product-row').first()).toBeVisible();
    await expect(otherPage.getByRole('link', { name: '示例' })).toHaveCount(0);
    await expect(otherPage.getByTestId('override-banner')).toHaveCount(0);
    await other.close();
  });

  test('keeps its CSS inside the app and the shell resets outside it', async ({ page }) => {
    await page.goto(overridePath('hello', hello.url, '/hello'));
    await signIn(page, 'xiaomai', 'owner');
    const appHeader = page.locator('[data-mosaic-app="hello"] header');
    await expect(appHeader).toBeVisible();

    const background = (selector: string): Promise<string> =>
      page
        .locator(selector)
        .first()
        .evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(await background('[data-mosaic-app="hello"] header')).toBe('rgb(255, 240, 240)');
    expect(await background('header.shell-header')).not.toBe('rgb(255, 240, 240)');
    const appBoxSizing = await appHeader.evaluate((el) => getComputedStyle(el).boxSizing);
    expect(appBoxSizing).toBe('content-box');
  });
});

test.describe('given two apps mounted together', () => {
  test('exchange events and requests over the bus', async ({ page, request }, testInfo) => {
    await page.goto(overridePath('hello', hello.url, '/_mosaic/compose?apps=hello,inventory'));
    await signIn(page, 'xiaomai', 'owner');
    await expect(page.getByTestId('compose-view')).toBeVisible();
    await expect(page.getByTestId('product-row').first()).toBeVisible();

    await page.getByRole('button', { name: '模拟下单' }).click();
    await expect(page.getByTestId('order-notice')).toContainText('demo-1');

    // Inventory reloaded on the order; it answers for all the tenant's products, not one page.
    await expect(page.getByTestId('product-row').first()).toBeVisible();
    const productCount = (await productNamesOf(request, 'xiaomai')).length;
    await page.getByRole('button', { name: '查询库存概况' }).click();
    await expect(page.getByTestId('stock-summary')).toContainText(`共 ${productCount} 种商品`);
    await page.screenshot({ path: testInfo.outputPath('compose-bus.png'), fullPage: true });
  });

  test('a request nobody answers fails with a clear error', async ({ page }) => {
    await page.goto(overridePath('hello', hello.url, '/hello'));
    await signIn(page, 'xiaomai', 'owner');
    await page.getByRole('button', { name: '查询库存概况' }).click();
    await expect(page.getByTestId('stock-summary')).toContainText(
      "no app answers bus request 'stock.summary'",
    );
  });
});

test.describe('given an app built for another protocol major', () => {
  test('is refused, naming both versions and who must rebuild it, while the rest keeps working', async ({
    page,
  }, testInfo) => {
    await page.goto(overridePath('future', future.url));
    await signIn(page, 'xiaomai', 'owner');
    await openApp(page, '新协议');

    const panel = page.getByRole('alert');
    await expect(panel).toContainText('2.0.0');
    await expect(panel).toContainText(shellProtocol);
    // Only the app's team can fix this: the panel says so and offers no Retry that cannot help.
    await expect(panel).toContainText('需要由 新协议 的开发团队重新构建');
    await expect(panel.getByRole('button')).toHaveCount(0);
    await page.screenshot({ path: testInfo.outputPath('protocol-refused.png'), fullPage: true });

    await openApp(page, '库存');
    await expect(page.getByTestId('product-row').first()).toBeVisible();
  });

  test('is refused in English words, naming its team, with no Retry', async ({
    page,
  }, testInfo) => {
    await page.addInitScript(() => localStorage.setItem('mosaic:locale', 'en-US'));
    await page.goto(overridePath('future', future.url));
    await signIn(page, 'xiaomai', 'owner');
    await openApp(page, 'Next protocol');

    const panel = page.getByRole('alert');
    await expect(panel).toContainText('Next protocol needs an update');
    await expect(panel).toContainText(
      'The team that makes Next protocol must rebuild and publish it',
    );
    await expect(panel).toContainText(/Request ID: \S+/);
    expect(await panel.innerText()).not.toMatch(/\p{Script=Han}/u);
    await expect(panel.getByRole('button')).toHaveCount(0);
    await page.screenshot({ path: testInfo.outputPath('protocol-refused-en.png') });
  });
});
