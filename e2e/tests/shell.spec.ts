import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { openApp, overridePath, serveBuild, signIn, signOutFromMenu } from './helpers';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const helloDist = path.join(root, 'build-kit/examples/hello/dist');

test.describe('given the owner of xiaomai with a second app (the example, as an override)', () => {
  test('moves between apps by the nav, deep links and back/forward', async ({ page }, testInfo) => {
    const hello = await serveBuild(helloDist);
    try {
      await page.goto(overridePath('hello', hello.url, '/inventory'));
      await signIn(page, 'xiaomai', 'owner');
      await expect(page.getByTestId('product-row').first()).toBeVisible();
      await expect(page).toHaveTitle(/库存 · 小麦/);

      await openApp(page, '示例');
      await expect(page).toHaveURL(/\/hello$/);
      await expect(page.getByRole('heading', { name: /你好/ })).toBeVisible();
      await expect(page.locator('#mosaic-main')).toBeFocused();

      await page.goBack();
      await expect(page).toHaveURL(/\/inventory$/);
      await expect(page.getByTestId('product-row').first()).toBeVisible();
      await page.goForward();
      await expect(page.getByRole('heading', { name: /你好/ })).toBeVisible();

      await page.goto('/inventory');
      await expect(page.getByTestId('product-row').first()).toBeVisible();
      await expect(page.getByRole('navigation').getByRole('link', { name: '库存' })).toHaveClass(
        /is-active/,
      );
      const mounts = await page.evaluate(() =>
        performance
          .getEntriesByType('measure')
          .filter((m) => m.name.startsWith('mosaic:mount:'))
          .map((m) => `${m.name.slice(13)} ${Math.round(m.duration)}ms`),
      );
      testInfo.annotations.push({ type: 'mount times', description: mounts.join(', ') });
      console.log(`[shell] ${testInfo.project.name} mount times: ${mounts.join(', ')}`);
    } finally {
      await hello.close();
    }
  });

  test('an app pointed at a broken build shows an error panel while the other works', async ({
    page,
  }, testInfo) => {
    const hello = await serveBuild(helloDist);
    try {
      await page.route('**/apps/inventory/**/inventory*.js', (route) =>
        route.fulfill({
          contentType: 'text/javascript',
          body: 'throw new Error("broken build");',
        }),
      );
      const reported = page.waitForRequest(
        (r) => r.url().endsWith('/api/client-errors') && r.method() === 'POST',
      );
      await page.goto(overridePath('hello', hello.url, '/inventory'));
      await signIn(page, 'xiaomai', 'owner');

      const panel = page.getByRole('alert');
      await expect(panel).toBeVisible();
      await expect(panel).toContainText(/request id|请求/i);
      expect((await reported).postDataJSON()).toMatchObject({ app: 'inventory' });
      await page.screenshot({ path: testInfo.outputPath('broken-inventory.png') });

      await openApp(page, '示例');
      await expect(page.getByRole('heading', { name: /你好/ })).toBeVisible();
    } finally {
      await hello.close();
    }
  });
});

test.describe('given a signed-in owner', () => {
  test('an unknown path shows a not-found page inside the frame', async ({ page }) => {
    await page.goto('/no-such-app/42');
    await signIn(page, 'xiaomai', 'owner');
    await expect(page.getByTestId('not-found')).toBeVisible();
    await expect(page.getByRole('navigation')).toBeVisible();
    await expect(page.getByRole('banner')).toContainText('小麦');
    await page.getByRole('link', { name: '回到首页' }).click();
    await expect(page.getByTestId('product-row').first()).toBeVisible();
  });

  test('signing out in one tab signs out the other', async ({ page, context }) => {
    await page.goto('/');
    await signIn(page, 'xiaomai', 'owner');
    await expect(page.getByTestId('product-row').first()).toBeVisible();
    const other = await context.newPage();
    await other.goto('/inventory');
    await expect(other.getByTestId('product-row').first()).toBeVisible();

    await signOutFromMenu(page);
    await expect(page.locator('input[name="tenant"]')).toBeVisible();
    await expect(other.locator('input[name="tenant"]')).toBeVisible();
    await expect(other).toHaveURL(/next=%2Finventory/);
    await expect(other.getByRole('status')).toContainText('另一个标签页');
  });

  test('the frame is usable by keyboard alone', async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== 'desktop', 'a phone has no keyboard to tab with');
    const hello = await serveBuild(helloDist);
    try {
      await page.goto(overridePath('hello', hello.url, '/signin'));
      await expect(page.locator('input[name="tenant"]')).toBeFocused();
      await page.keyboard.type('xiaomai');
      await page.keyboard.press('Tab');
      await page.keyboard.type('owner');
      await page.keyboard.press('Tab');
      await page.keyboard.type('demo1234');
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('product-row').first()).toBeVisible();

      // Signing in lands on the first app, with focus in the app area; the header is behind it.
      await expect(page.locator('#mosaic-main')).toBeFocused();
      const skip = page.getByRole('link', { name: /跳到主要内容/ });
      for (let i = 0; i < 8 && !(await skip.evaluate((el) => el === document.activeElement)); i++) {
        await page.keyboard.press('Shift+Tab');
      }
      await expect(skip).toBeFocused();
      await page.keyboard.press('Tab');
      await expect(page.getByRole('button', { name: /用户菜单/ })).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(page.getByRole('button', { name: '退出登录' })).toBeHidden();

      const helloLink = page.getByRole('navigation').getByRole('link', { name: '示例' });
      for (
        let i = 0;
        i < 6 && !(await helloLink.evaluate((el) => el === document.activeElement));
        i++
      ) {
        await page.keyboard.press('Tab');
      }
      await expect(helloLink).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { name: /你好/ })).toBeVisible();
      await expect(page.locator('#mosaic-main')).toBeFocused();
    } finally {
      await hello.close();
    }
  });

  test('switches the language of the frame from the user menu', async ({ page }) => {
    await page.goto('/');
    await signIn(page, 'xiaomai', 'owner');
    await page.getByRole('button', { name: /用户菜单/ }).click();
    await page.getByLabel('语言').selectOption('en-US');
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en-US');
    await page.getByLabel('Language').selectOption('zh-CN');
  });
});

test.describe('given someone guessing passwords', () => {
  test('is stopped with a clear message after five failures', async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== 'desktop', 'the limit is per account, once is enough');
    await page.goto('/signin');
    const username = `guess-${Date.now()}`;
    for (let i = 0; i < 6; i++) {
      await page.locator('input[name="tenant"]').fill('xiaomai');
      await page.locator('input[name="username"]').fill(username);
      await page.locator('input[name="password"]').fill('wrong');
      await page.locator('button[type="submit"]').click();
      await expect(page.getByRole('alert')).toBeVisible();
    }
    await expect(page.getByRole('alert')).toContainText('尝试次数过多');
  });
});

test.describe('screens', () => {
  for (const size of [
    { name: 'desktop', width: 1280, height: 800 },
    { name: 'phone', width: 390, height: 844 },
  ]) {
    test(`at ${size.width}x${size.height}`, async ({ page }, testInfo) => {
      test.skip(testInfo.project.name !== size.name, 'one screenshot per size');
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.goto('/signin');
      await page.screenshot({ path: testInfo.outputPath(`signin-${size.width}.png`) });
      await signIn(page, 'xiaomai', 'owner');
      await expect(page.getByTestId('product-row').first()).toBeVisible();
      await page.screenshot({ path: testInfo.outputPath(`inventory-${size.width}.png`) });
      await page.getByRole('button', { name: /用户菜单/ }).click();
      await page.screenshot({ path: testInfo.outputPath(`menu-${size.width}.png`) });
      await page.goto('/nowhere');
      await expect(page.getByTestId('not-found')).toBeVisible();
      await page.screenshot({ path: testInfo.outputPath(`not-found-${size.width}.png`) });
    });
  }
});
