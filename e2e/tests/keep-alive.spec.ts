import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { openApp, signIn } from './helpers';

/** How often the shell mounted `app` in this page (one `mosaic:mount:<app>` measure per mount). */
async function mountsOf(page: Page, app: string): Promise<number> {
  return page.evaluate(
    (name) =>
      performance.getEntriesByType('measure').filter((m) => m.name === `mosaic:mount:${name}`)
        .length,
    app,
  );
}

test.describe('keep-alive: apps the owner opened stay mounted while hidden', () => {
  test('coming back to an app shows it at once with the search typed and the scroll kept', async ({
    page,
  }, testInfo) => {
    await page.goto('/inventory');
    await signIn(page, 'xiaomai', 'owner');
    await expect(page.getByTestId('product-row').first()).toBeVisible();
    await page.evaluate(() => window.scrollTo(0, 120));
    const scrolled = await page.evaluate(() => window.scrollY);
    await openApp(page, '销售');
    await expect(page.locator('[data-kept-app="sales"]')).toBeVisible();
    await openApp(page, '库存');
    await expect(page.getByTestId('product-row').first()).toBeVisible();
    expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);

    // A search that finds nothing (a short page): typed text survives the round trip too.
    const search = page.getByTestId('product-search');
    await search.fill('zz-not-a-product');

    await openApp(page, '销售');
    await expect(page).toHaveURL(/\/sales/);
    await expect(page.locator('[data-kept-app="sales"]')).toBeVisible();
    // Hidden, not gone: its DOM and state are still in the page.
    await expect(page.locator('[data-kept-app="inventory"]')).toBeHidden();
    await expect(
      page.locator('[data-kept-app="inventory"] [data-testid="product-search"]'),
    ).toHaveCount(1);
    await page.screenshot({ path: testInfo.outputPath('sales-over-kept-inventory.png') });

    await openApp(page, '库存');
    await expect(page).toHaveURL(/\/inventory/);
    await expect(search).toBeVisible();
    await expect(search).toHaveValue('zz-not-a-product');
    expect(await mountsOf(page, 'inventory')).toBe(1);
    expect(await mountsOf(page, 'sales')).toBe(1);

    // The nav entry of a hidden app goes back to the page it was left on.
    await openApp(page, '销售');
    await expect(page.locator('[data-kept-app="sales"]')).toBeVisible();
    expect(await mountsOf(page, 'sales')).toBe(1);
  });

  test('with keep-alive switched off in the tab, leaving an app unmounts it', async ({ page }) => {
    await page.addInitScript(() => window.sessionStorage.setItem('mosaic:keep-alive', 'off'));
    await page.goto('/inventory');
    await signIn(page, 'xiaomai', 'owner');
    await expect(page.getByTestId('product-row').first()).toBeVisible();
    await page.getByTestId('product-search').fill('zz-not-a-product');

    await openApp(page, '销售');
    await expect(page.locator('[data-kept-app="sales"]')).toBeVisible();
    await expect(page.locator('[data-kept-app="inventory"]')).toHaveCount(0);

    await openApp(page, '库存');
    await expect(page.getByTestId('product-row').first()).toBeVisible();
    await expect(page.getByTestId('product-search')).toHaveValue('');
    expect(await mountsOf(page, 'inventory')).toBe(2);
  });
});
