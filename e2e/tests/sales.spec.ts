import type { APIRequestContext } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, openApp, signIn } from './helpers';

interface StockedProduct {
  id: string;
  name: string;
  barcode: string | null;
  price: { current: string } | null;
  stock: { onHand: number; available: number } | null;
}

/** The owner's view of a product through the public API (fresh token per call). */
async function productsOf(request: APIRequestContext): Promise<StockedProduct[]> {
  const session = await request.post('/api/session', {
    data: { tenant: 'xiaomai', username: 'owner', password: DEMO_PASSWORD },
  });
  const { token } = (await session.json()) as { token: string };
  const response = await request.post('/graphql', {
    headers: { authorization: `Bearer ${token}` },
    data: {
      query:
        '{ products(first: 200) { id name barcode price { current } stock { onHand available } } }',
    },
  });
  const body = (await response.json()) as { data: { products: StockedProduct[] } };
  return body.data.products;
}

test.describe('given the owner of xiaomai', () => {
  test('sees today on the dashboard', async ({ page }, testInfo) => {
    await page.goto('/sales');
    await signIn(page, 'xiaomai', 'owner');
    await expect(page.getByTestId('sales-today')).toContainText('¥');
    await expect(page.getByTestId('order-count')).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('sales-dashboard.png'), fullPage: true });
  });

  test('creates and confirms an order by barcode and sees stock fall', async ({
    page,
    request,
  }, testInfo) => {
    const product = (await productsOf(request)).find(
      (p) => p.barcode && p.price && p.stock && p.stock.available >= 5,
    );
    expect(product, 'a product with a barcode, a price and stock').toBeDefined();
    if (!product?.barcode || !product.stock) return;
    const before = product.stock.onHand;

    await page.goto('/sales/orders/new');
    await signIn(page, 'xiaomai', 'owner');
    const search = page.locator('input[name="product-search"]');
    await search.fill(product.barcode);
    await search.press('Enter');
    const line = page.getByTestId('order-line').filter({ hasText: product.name });
    await expect(line).toBeVisible();
    await line.getByRole('spinbutton').fill('2');
    await expect(page.getByTestId('draft-totals')).toContainText('共 2 件');
    await page.screenshot({ path: testInfo.outputPath('sales-new-order.png'), fullPage: true });

    await page.getByRole('button', { name: '提交并确认' }).click();
    await expect(page.locator('[data-status="confirmed"]')).toBeVisible({ timeout: 20_000 });
    await page.screenshot({
      path: testInfo.outputPath('sales-order-confirmed.png'),
      fullPage: true,
    });

    await expect
      .poll(async () => (await productsOf(request)).find((p) => p.id === product.id)?.stock?.onHand)
      .toBe(before - 2);
  });

  test('cannot send an order without products', async ({ page }) => {
    await page.goto('/sales/orders/new');
    await signIn(page, 'xiaomai', 'owner');
    await page.getByRole('button', { name: '提交并确认' }).click();
    await expect(page.getByRole('alert')).toContainText('请至少添加一件商品');
  });

  test('lists orders by status and customers', async ({ page }, testInfo) => {
    await page.goto('/sales/orders');
    await signIn(page, 'xiaomai', 'owner');
    await expect(page.getByTestId('order-row').first()).toBeVisible();
    await page.getByRole('button', { name: '已取消' }).click();
    for (const status of await page.locator('[data-testid="order-row"] [data-status]').all()) {
      await expect(status).toHaveAttribute('data-status', 'cancelled');
    }
    await page
      .getByRole('navigation', { name: '销售' })
      .getByRole('link', { name: '客户' })
      .click();
    await expect(page.getByTestId('customer-table')).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('sales-customers.png'), fullPage: true });
  });
});

test.describe('given the owner inside sales', () => {
  test("the shell's nav entry for sales takes the app back to its home page", async ({ page }) => {
    await page.goto('/sales/customers');
    await signIn(page, 'xiaomai', 'owner');
    await expect(page.getByTestId('customer-table')).toBeVisible();

    // The app stays mounted: only the shell's router moves, and the app must follow it.
    await openApp(page, '销售');
    await expect(page).toHaveURL(/\/sales$/);
    await expect(page.getByTestId('sales-today')).toBeVisible();
    await expect(page.getByTestId('customer-table')).toHaveCount(0);
  });
});

test.describe('given the owner looking at a customer', () => {
  test("sees that customer's order history and opens an order from it", async ({ page }) => {
    await page.goto('/sales/orders');
    await signIn(page, 'xiaomai', 'owner');
    const row = page
      .getByTestId('order-row')
      .filter({ hasNot: page.getByRole('cell', { name: '散客' }) })
      .first();
    const name = (await row.locator('td[data-label="客户"]').innerText()).trim();
    await page
      .getByRole('navigation', { name: '销售' })
      .getByRole('link', { name: '客户' })
      .click();
    await page.locator('input[name="search"]').fill(name);
    await page.locator('input[name="search"]').press('Enter');
    await page
      .getByTestId('customer-table')
      .getByRole('button', { name, exact: true })
      .first()
      .click();

    await expect(page.getByRole('heading', { name })).toBeVisible();
    const history = page.getByTestId('customer-order-row');
    await expect(history.first()).toBeVisible();
    const number = (await history.first().getByRole('button').innerText()).trim();
    await history.first().getByRole('button').click();
    await expect(page).toHaveURL(/\/sales\/orders\/[^/]+$/);
    await expect(page.getByText(number).first()).toBeVisible();
    await expect(page.getByText(name).first()).toBeVisible();
  });
});

test.describe('given a clerk', () => {
  test('sees the forbidden state instead of sales figures', async ({ page }, testInfo) => {
    await page.goto('/sales/dashboard');
    await signIn(page, 'xiaomai', 'clerk');
    await expect(page.getByTestId('forbidden')).toContainText('只有店主能查看销售数据');
    await expect(page.getByTestId('sales-today')).toHaveCount(0);
    await page.screenshot({
      path: testInfo.outputPath('sales-clerk-dashboard.png'),
      fullPage: true,
    });
  });
});

test.describe('given the owner who switches the shell to English', () => {
  test('sees the sales screens in English, and in Chinese again after switching back', async ({
    page,
  }, testInfo) => {
    await page.goto('/');
    await signIn(page, 'xiaomai', 'owner');
    await page.getByRole('button', { name: /用户菜单/ }).click();
    await page.getByLabel('语言').selectOption('en-US');
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await page.getByLabel('Language').press('Escape');

    // Sales mounts in English: its context carries the shell's locale, and the nav names it so.
    await openApp(page, 'Sales');
    await expect(page.getByTestId('sales-today')).toContainText('Sales today');
    await expect(page.getByTestId('order-count')).toContainText('Orders today');
    await expect(page.getByRole('heading', { name: 'Today', exact: true })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('sales-dashboard-en.png'), fullPage: true });

    const tabs = page.getByRole('navigation', { name: 'Sales', exact: true });
    await tabs.getByRole('link', { name: 'Orders' }).click();
    await expect(page.getByRole('group', { name: 'Filter by status' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'New order' })).toBeVisible();
    const row = page.getByTestId('order-row').first();
    await expect(row.locator('td[data-label="Status"]')).toHaveText(
      /Draft|Confirming|Confirmed|Shipped|Cancelled/,
    );
    await page.screenshot({ path: testInfo.outputPath('sales-orders-en.png'), fullPage: true });
    // Nothing on the page is wider than the screen, in the longer language too.
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).toBe(true);

    // Back to Chinese while sales stays mounted: it follows through `update`.
    await page.getByRole('button', { name: /User menu/ }).click();
    await page.getByLabel('Language').selectOption('zh-CN');
    await page.getByLabel('语言').press('Escape');
    await expect(page.getByRole('group', { name: '按状态筛选' })).toBeVisible();
    await expect(page.getByRole('button', { name: '新建订单' })).toBeVisible();
    await expect(row.locator('td[data-label="状态"]')).toHaveText(
      /草稿|确认中|已确认|已发货|已取消/,
    );
    await page
      .getByRole('navigation', { name: '销售', exact: true })
      .getByRole('link', { name: '看板' })
      .click();
    await expect(page.getByTestId('sales-today')).toContainText('今日销售额');
  });
});
