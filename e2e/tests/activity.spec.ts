import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test.describe('given the owner of xiaomai', () => {
  test('sees a stock adjustment made a moment ago in Activity, with who and the values before and after', async ({
    page,
  }, testInfo) => {
    await page.goto('/inventory');
    await signIn(page, 'xiaomai', 'owner');
    const productLink = page.getByTestId('product-row').first().getByRole('button').first();
    const productName = ((await productLink.textContent()) ?? '').trim();
    await productLink.click();
    await expect(page.getByTestId('warehouse-row').first()).toBeVisible();
    // The first warehouse's on-hand count, which the adjustment dialog changes by default.
    const onHandText = (await page.getByTestId('warehouse-row').first().textContent()) ?? '';
    await page.getByTestId('adjust-stock').click();
    const dialog = page.getByRole('dialog', { name: '调整库存' });
    const reason = `e2e 活动 ${Date.now()}`;
    await dialog.getByLabel('调整数量').fill('4');
    await dialog.getByLabel('原因').fill(reason);
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('toast')).toContainText('库存已调整');
    expect(onHandText).not.toBe('');

    await page.getByRole('button', { name: '← 商品列表' }).click();
    await page.getByTestId('open-activity').click();
    await expect(page).toHaveURL(/\/inventory\/activity$/);
    await page.getByTestId('activity-entity').selectOption('stock');
    const row = page.getByTestId('activity-row').first();
    await expect(row).toHaveAttribute('data-operation', 'stock.adjustment');
    await expect(row.getByTestId('activity-user-name')).toHaveText('owner');
    await expect(row).toContainText('调整库存');
    await expect(row.getByTestId('activity-entity-name')).toContainText(productName);
    const before = Number(
      /在库 (\d+)/.exec((await row.getByTestId('activity-before').textContent()) ?? '')?.[1],
    );
    const after = Number(
      /在库 (\d+)/.exec((await row.getByTestId('activity-after').textContent()) ?? '')?.[1],
    );
    expect(after - before).toBe(4);
    await page.screenshot({ path: testInfo.outputPath('activity.png'), fullPage: true });

    // Another user's name filters the owner's rows out (the keeper may have adjusted stock in
    // other specs on this shared system); a name nobody has leaves none, and the empty state says so.
    await page.getByTestId('activity-user').fill('keeper');
    await expect(page.getByTestId('activity-user-name').filter({ hasText: /^owner$/ })).toHaveCount(
      0,
    );
    for (const name of await page.getByTestId('activity-user-name').allTextContents()) {
      expect(name).toBe('keeper');
    }
    await page.getByTestId('activity-user').fill('nobody');
    await expect(page.getByText('没有符合条件的记录')).toBeVisible();
  });

  test('shows Activity on a phone too', async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/inventory/activity');
    await signIn(page, 'xiaomai', 'owner');
    await expect(page.getByTestId('activity-list')).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('activity-phone.png'), fullPage: true });
  });
});

test.describe('given a stock keeper', () => {
  test('has no Activity button, and the screen refuses', async ({ page }) => {
    await page.goto('/inventory');
    await signIn(page, 'xiaomai', 'keeper');
    await expect(page.getByTestId('product-row').first()).toBeVisible();
    await expect(page.getByTestId('open-activity')).toHaveCount(0);
    await page.goto('/inventory/activity');
    await expect(page.getByTestId('forbidden')).toBeVisible();
  });
});
