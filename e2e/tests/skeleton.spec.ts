import { expect, test } from '@playwright/test';
import { openApp, productNamesOf, signIn } from './helpers';

test.describe('given the owner of xiaomai', () => {
  test('signs in and sees their own products with stock in the inventory app', async ({
    page,
    request,
  }, testInfo) => {
    const ownNames = await productNamesOf(request, 'xiaomai');
    const otherNames = await productNamesOf(request, 'chaye');
    expect(ownNames.length).toBeGreaterThan(0);

    await page.goto('/');
    await signIn(page, 'xiaomai', 'owner');
    await openApp(page, '库存');
    await expect(page).toHaveURL(/\/inventory/);

    const rows = page.getByTestId('product-row');
    await expect(rows.first()).toBeVisible();
    // The app shows the first page: every row is one of the tenant's products, none the other's.
    const shown = await rows.allInnerTexts();
    expect(shown.length).toBeGreaterThan(0);
    for (const row of shown) expect(ownNames.some((name) => row.includes(name))).toBe(true);
    for (const name of otherNames) expect(shown.join('\n')).not.toContain(name);
    await page.screenshot({ path: testInfo.outputPath('inventory-xiaomai.png'), fullPage: true });
  });

  test('returns to the page first asked for after signing in', async ({ page }) => {
    await page.goto('/inventory');
    await expect(page.locator('input[name="username"]')).toBeVisible();
    await signIn(page, 'xiaomai', 'owner');
    await expect(page).toHaveURL(/\/inventory/);
    await expect(page.getByTestId('product-row').first()).toBeVisible();
  });

  test('sees an error with a retry when the app fails to load, and the frame keeps working', async ({
    page,
  }, testInfo) => {
    await page.route('**/apps/inventory/**/*.js', (route) => route.abort());
    await page.goto('/');
    await signIn(page, 'xiaomai', 'owner');
    await openApp(page, '库存');

    const panel = page.getByRole('alert');
    await expect(panel).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('inventory-broken.png') });
    await expect(page.getByRole('navigation').first()).toBeVisible();

    await page.unroute('**/apps/inventory/**/*.js');
    await panel.getByRole('button').click();
    await expect(page.getByTestId('product-row').first()).toBeVisible();
  });
});

test.describe('given the owner of chaye', () => {
  test('sees the tea shop products and none of the convenience store', async ({
    page,
    request,
  }, testInfo) => {
    const ownNames = await productNamesOf(request, 'chaye');
    const otherNames = await productNamesOf(request, 'xiaomai');

    await page.goto('/');
    await signIn(page, 'chaye', 'owner');
    await openApp(page, '库存');

    const rows = page.getByTestId('product-row');
    await expect(rows.first()).toBeVisible();
    const shown = await rows.allInnerTexts();
    for (const row of shown) expect(ownNames.some((name) => row.includes(name))).toBe(true);
    for (const name of otherNames) expect(shown.join('\n')).not.toContain(name);
    await page.screenshot({ path: testInfo.outputPath('inventory-chaye.png'), fullPage: true });
  });
});

test.describe('given a wrong password', () => {
  test('shows a clear error and stays on the sign-in page', async ({ page }) => {
    await page.goto('/');
    await page.locator('input[name="tenant"]').fill('xiaomai');
    await page.locator('input[name="username"]').fill('owner');
    await page.locator('input[name="password"]').fill('not-the-password');
    await page.locator('button[type="submit"]').click();
    await expect(page.getByRole('alert')).toBeVisible();
    await expect(page.locator('input[name="password"]')).toBeVisible();
  });
});
