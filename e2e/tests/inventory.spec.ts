import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { productNamesOf, signIn } from './helpers';

/** The total on hand the detail page shows, e.g. '合计 355 罐' → 355. */
async function detailOnHand(page: Page): Promise<number> {
  const text = (await page.getByTestId('detail-on-hand').textContent()) ?? '';
  const match = /([\d,]+)/.exec(text);
  if (!match?.[1]) throw new Error(`no quantity in '${text}'`);
  return Number(match[1].replaceAll(',', ''));
}

test.describe('given a stock keeper of xiaomai', () => {
  test('finds a product by searching, on the server', async ({ page, request }, testInfo) => {
    const names = await productNamesOf(request, 'xiaomai');
    const wanted = names.find((name) => name.length >= 3) ?? names[0] ?? '';
    await page.goto('/inventory');
    await signIn(page, 'xiaomai', 'keeper');
    await expect(page.getByTestId('product-row').first()).toBeVisible();

    await page.getByTestId('product-search').fill(wanted);

    // Debounced and filtered by the BFF: wait for the list to hold only matches.
    await expect(page.getByTestId('product-row').filter({ hasNotText: wanted })).toHaveCount(0);
    await expect(page.getByTestId('product-row').first()).toContainText(wanted);
    await page.screenshot({ path: testInfo.outputPath('inventory-search.png'), fullPage: true });
  });

  test('adjusts stock with a reason and sees it change without a reload', async ({
    page,
  }, testInfo) => {
    await page.goto('/inventory');
    await signIn(page, 'xiaomai', 'keeper');
    await page.screenshot({ path: testInfo.outputPath('inventory-list.png'), fullPage: true });
    await page.getByTestId('product-row').first().getByRole('button').first().click();
    await expect(page).toHaveURL(/\/inventory\/products\/[^/]+$/);
    await expect(page.getByTestId('warehouse-row').first()).toBeVisible();
    const before = await detailOnHand(page);
    const movements = await page.getByTestId('movement-row').count();

    await page.getByTestId('adjust-stock').click();
    const dialog = page.getByRole('dialog', { name: '调整库存' });
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog.getByText('请输入整数，且不能为 0')).toBeVisible();
    const reason = `e2e 盘点差异 ${Date.now()}`;
    await dialog.getByLabel('调整数量').fill('5');
    await dialog.getByLabel('原因').fill(reason);
    await page.screenshot({ path: testInfo.outputPath('inventory-adjust.png') });
    await dialog.getByRole('button', { name: '保存' }).click();

    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('toast')).toContainText('库存已调整');
    await expect.poll(() => detailOnHand(page)).toBe(before + 5);
    await expect(page.getByTestId('movement-row').filter({ hasText: reason })).toHaveCount(1);
    expect(await page.getByTestId('movement-row').count()).toBeGreaterThanOrEqual(movements);
    await page.screenshot({ path: testInfo.outputPath('inventory-adjusted.png'), fullPage: true });

    // The deep link survives a reload and shows the new level.
    await page.reload();
    await expect.poll(() => detailOnHand(page)).toBe(before + 5);
  });

  test('saves again after the answer was lost, and the stock changes once', async ({
    page,
  }, testInfo) => {
    await page.goto('/inventory');
    await signIn(page, 'xiaomai', 'keeper');
    await page.getByTestId('product-row').nth(1).getByRole('button').first().click();
    await expect(page.getByTestId('warehouse-row').first()).toBeVisible();
    const before = await detailOnHand(page);
    // The first save reaches the BFF and is done there, but its answer never comes back.
    let lost = false;
    await page.route('**/graphql', async (route) => {
      const operation = (route.request().postDataJSON() as { operationName?: string } | null)
        ?.operationName;
      if (lost || operation !== 'InventoryAdjustStock') return route.fallback();
      lost = true;
      await route.fetch();
      return route.abort('connectionreset');
    });

    await page.getByTestId('adjust-stock').click();
    const dialog = page.getByRole('dialog', { name: '调整库存' });
    const reason = `e2e 断网重试 ${Date.now()}`;
    await dialog.getByLabel('调整数量').fill('4');
    await dialog.getByLabel('原因').fill(reason);
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toContainText('没有收到保存结果');
    await page.screenshot({ path: testInfo.outputPath('inventory-adjust-lost.png') });

    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toBeHidden();
    await expect.poll(() => detailOnHand(page)).toBe(before + 4);
    await expect(page.getByTestId('movement-row').filter({ hasText: reason })).toHaveCount(1);
    await page.reload();
    await expect.poll(() => detailOnHand(page)).toBe(before + 4);
  });

  test('is told why a transfer larger than the stock is refused', async ({ page }, testInfo) => {
    await page.goto('/inventory');
    await signIn(page, 'xiaomai', 'keeper');
    await page.getByTestId('product-row').first().getByRole('button').first().click();
    await page.getByTestId('transfer-stock').click();
    const dialog = page.getByRole('dialog', { name: '调拨' });

    await dialog.getByLabel('调拨数量').fill('999999');
    await dialog.getByLabel('原因').fill('e2e');
    await dialog.getByRole('button', { name: '保存' }).click();

    const quantity = dialog.getByLabel('调拨数量');
    await expect(quantity).toHaveAttribute('aria-invalid', 'true');
    await expect(dialog).toContainText('库存不足');
    await page.screenshot({ path: testInfo.outputPath('inventory-transfer-refused.png') });
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('transfer-stock')).toBeFocused();
  });

  test('creates a product whose name holds markup and sees it as text', async ({
    page,
  }, testInfo) => {
    const name = `<img src=x onerror="window.__pwned=1">e2e ${Date.now()}`;
    await page.goto('/inventory/products/new');
    await signIn(page, 'xiaomai', 'keeper');
    const form = page.getByTestId('product-form-fields');
    await form.getByLabel('SKU').fill(`E2E-${Date.now()}`);
    await form.getByLabel('商品名称').fill(name);
    await form.getByLabel('分类').fill('饮料');
    await form.getByLabel('单位').fill('瓶');
    await form.getByRole('button', { name: '保存' }).click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    await page.screenshot({ path: testInfo.outputPath('inventory-created.png'), fullPage: true });
  });
});

test.describe('given a clerk of xiaomai', () => {
  test('cannot reach the stock adjustment screen', async ({ page }, testInfo) => {
    await page.goto('/inventory');
    await signIn(page, 'xiaomai', 'clerk');
    await expect(page.getByRole('navigation').first()).toBeVisible();

    await expect(page.getByRole('navigation').getByRole('link', { name: '库存' })).toHaveCount(0);
    await expect(page.getByTestId('adjust-stock')).toHaveCount(0);
    await expect(page.getByTestId('product-row')).toHaveCount(0);
    // Told why, not a not-found: the role may not open this app, and the owner can grant it.
    await expect(page.getByTestId('role-denied')).toContainText('你的角色不能打开 库存');
    await expect(page.getByTestId('role-denied')).toContainText('店主');
    await expect(page.getByTestId('not-found')).toHaveCount(0);
    await page.screenshot({ path: testInfo.outputPath('inventory-clerk.png'), fullPage: true });
  });
});

test.describe('given a keeper who switches the language while inventory is open', () => {
  test('sees inventory in English with the search kept, and in Chinese again', async ({
    page,
  }, testInfo) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto('/inventory');
    await signIn(page, 'xiaomai', 'keeper');
    await expect(page.getByTestId('product-row').first()).toBeVisible();
    const search = page.getByTestId('product-search');
    await search.fill('zz-no-such-product');
    await expect(page.getByText('没有符合条件的商品')).toBeVisible();

    await page.getByRole('button', { name: /用户菜单/ }).click();
    await page.getByLabel('语言').selectOption('en-US');
    await page.getByLabel('Language').press('Escape');

    // The same mounted app, now in English: the search the keeper typed is still there.
    await expect(page.getByText('No matching products')).toBeVisible();
    await expect(page.getByLabel('Search products')).toHaveValue('zz-no-such-product');
    await page.screenshot({ path: testInfo.outputPath('inventory-en-empty.png'), fullPage: true });
    await page.getByLabel('Search products').fill('');
    await expect(page.getByTestId('product-row').first()).toBeVisible();
    await page.getByTestId('product-row').first().getByRole('button').first().click();
    await expect(page.getByRole('button', { name: 'Adjust stock' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Stock movements', exact: true })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('inventory-en-detail.png'), fullPage: true });

    await page.getByRole('button', { name: /User menu/ }).click();
    await page.getByLabel('Language').selectOption('zh-CN');
    await page.getByLabel('语言').press('Escape');
    await expect(page.getByRole('button', { name: '调整库存' })).toBeVisible();
    await expect(page.getByRole('heading', { name: '库存流水', exact: true })).toBeVisible();
    // qiankun reports an app whose update threw as a dead parcel; none did.
    expect(errors.filter((text) => /died|UPDATING|INVALID_MOUNT_PROPS/.test(text))).toEqual([]);
  });
});
