import { expect, test } from '@playwright/test';
import type { Page, TestInfo } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { DEMO_PASSWORD, signIn } from './helpers';

/** The id of one of the shop's trusted documents, as its build lists them. */
function shopDocumentId(operationName: string): string {
  const { documents } = JSON.parse(
    readFileSync(
      new URL('../../micro-apps/shop/dist/graphql-documents.json', import.meta.url),
      'utf8',
    ),
  ) as { documents: { id: string; operationName: string }[] };
  const found = documents.find((d) => d.operationName === operationName);
  if (!found) throw new Error(`the shop's build lists no ${operationName}: build it first`);
  return found.id;
}

test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

test.describe('given a clerk on a phone', () => {
  test('browses with no horizontal scroll at 360 pixels', async ({ page }, testInfo) => {
    await page.goto('/shop');
    await signIn(page, 'xiaomai', 'clerk');
    await expect(page.getByTestId('shop-item').first()).toBeVisible();
    const widths = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      window.innerWidth,
    ]);
    expect(widths[0]).toBeLessThanOrEqual(widths[1] ?? 0);
    const add = page.getByRole('button', { name: /^加入购物车/ }).first();
    const box = await add.boundingBox();
    expect(box?.height).toBeGreaterThanOrEqual(44);
    await page.screenshot({ path: testInfo.outputPath('shop-360.png') });
  });

  test('adds to the cart, keeps it across a reload and checks out', async ({ page }, testInfo) => {
    await page.goto('/shop');
    await signIn(page, 'xiaomai', 'clerk');
    const item = page
      .getByTestId('shop-item')
      .filter({ has: page.getByRole('button', { name: /^加入购物车/ }) })
      .first();
    await expect(item).toBeVisible();
    await item.getByRole('button', { name: /^加入购物车/ }).tap();
    await item.getByRole('button', { name: /^加入购物车/ }).tap();
    await expect(page.getByTestId('cart-count')).toHaveText('2');

    await page.reload();
    await expect(page.getByTestId('cart-count')).toHaveText('2');
    await page.getByRole('button', { name: '去购物车' }).tap();
    await expect(page.getByTestId('cart-line')).toHaveCount(1);
    await page.screenshot({ path: testInfo.outputPath('shop-cart-360.png') });
    const widths = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      window.innerWidth,
    ]);
    expect(widths[0]).toBeLessThanOrEqual(widths[1] ?? 0);

    await page.getByRole('button', { name: '去结算' }).tap();
    await expect(page.getByTestId('shop-receipt')).toContainText('下单成功');
    const number = await page.getByTestId('receipt-number').innerText();
    await page.screenshot({ path: testInfo.outputPath('shop-receipt-360.png') });

    // The cart is empty afterwards, and the order is in sales.
    await page.reload();
    await expect(page.getByTestId('cart-count')).toHaveCount(0);
    await page.goto('/sales/orders');
    await expect(page.getByTestId('order-row').filter({ hasText: number })).toBeVisible();
  });
});

test.describe('given a shopper opening a product page by link', () => {
  test('reads that one item, not a page of the catalogue, each by persisted id', async ({
    page,
    request,
  }) => {
    const session = await request.post('/api/session', {
      data: { tenant: 'xiaomai', username: 'clerk', password: DEMO_PASSWORD },
    });
    const { token } = (await session.json()) as { token: string };
    const listed = await request.post('/graphql', {
      headers: { authorization: `Bearer ${token}` },
      data: {
        documentId: shopDocumentId('ShopCatalogue'),
        variables: { first: 5 },
      },
    });
    const body = (await listed.json()) as {
      data: { shopCatalogue: { items: { id: string; name: string }[] } };
    };
    const item = body.data.shopCatalogue.items[4];
    expect(item, 'a fifth item in the demo catalogue').toBeDefined();
    if (!item) return;

    const operations: string[] = [];
    page.on('request', (sent) => {
      if (!sent.url().endsWith('/graphql')) return;
      const posted = sent.postDataJSON() as {
        operationName?: string;
        documentId?: string;
        query?: string;
        variables?: unknown;
      };
      // Persisted: the shop sends the document id, not the text.
      const sentAs = posted.documentId && !posted.query ? 'id' : 'text';
      operations.push(
        `${posted.operationName ?? '?'} ${sentAs} ${JSON.stringify(posted.variables)}`,
      );
    });
    await page.goto(`/shop/p/${encodeURIComponent(item.id)}`);
    await signIn(page, 'xiaomai', 'clerk');
    await expect(page.getByRole('heading', { name: item.name })).toBeVisible();
    expect(operations).toContain(`ShopItem id ${JSON.stringify({ id: item.id })}`);

    await page.getByRole('button', { name: /返回/ }).click();
    await expect(page.getByTestId('shop-item').first()).toBeVisible();
    expect(operations.filter((op) => op.startsWith('ShopCatalogue')).length).toBeGreaterThan(0);
    expect(operations.filter((op) => op.startsWith('ShopCatalogue id')).length).toBe(
      operations.filter((op) => op.startsWith('ShopCatalogue')).length,
    );
    expect(operations.some((op) => op.includes('"first":200'))).toBe(false);
  });
});

test.describe('given a clerk who switches the language to English', () => {
  const sizes = [
    { width: 360, height: 780 },
    { width: 390, height: 844 },
    { width: 1280, height: 800 },
  ];

  /** At a phone and a desktop size: nothing scrolls sideways, and a screenshot to look at. */
  async function checkSizes(page: Page, testInfo: TestInfo, name: string): Promise<void> {
    for (const size of sizes) {
      await page.setViewportSize(size);
      const [scrollWidth, innerWidth] = await page.evaluate(() => [
        document.documentElement.scrollWidth,
        window.innerWidth,
      ]);
      expect(scrollWidth, `${name} at ${size.width}px`).toBeLessThanOrEqual(innerWidth ?? 0);
      await page.screenshot({
        path: testInfo.outputPath(`${name}-${size.width}.png`),
        fullPage: true,
      });
    }
    await page.setViewportSize(sizes[0] ?? { width: 360, height: 780 });
  }

  test('shows catalogue and cart in English, keeps the cart, and switches back', async ({
    page,
  }, testInfo) => {
    await page.goto('/shop');
    await signIn(page, 'xiaomai', 'clerk');
    const item = page
      .getByTestId('shop-item')
      .filter({ has: page.getByRole('button', { name: /^(加入购物车|Add to cart)/ }) })
      .first();
    await item.getByRole('button', { name: /^加入购物车/ }).tap();
    await expect(page.getByTestId('cart-count')).toHaveText('1');
    await checkSizes(page, testInfo, 'shop-zh');

    await page.getByRole('button', { name: /用户菜单/ }).tap();
    await page.getByLabel('语言').selectOption('en-US');
    await page.keyboard.press('Escape');

    // The same screen, now in English, with the cart as it was (no remount, no reload).
    await expect(item.getByRole('button', { name: /^Add to cart: / })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Categories' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'All', exact: true })).toBeVisible();
    await expect(page.getByLabel('Search products')).toBeVisible();
    await expect(page.getByTestId('cart-count')).toHaveText('1');
    await expect(page.getByText(/in cart · ¥/)).toBeVisible();
    await checkSizes(page, testInfo, 'shop-en');

    // The product page speaks English too, and adds to the same cart.
    await item.getByRole('button', { name: /^View / }).tap();
    await expect(page.getByText(/Sold per .* · In stock/)).toBeVisible();
    await page.getByRole('button', { name: 'Add to cart', exact: true }).tap();
    await expect(page.getByText('Added to cart')).toBeVisible();
    await expect(page.getByTestId('cart-count')).toHaveText('2');
    await checkSizes(page, testInfo, 'shop-product-en');
    await page.getByRole('button', { name: 'View cart' }).tap();
    await expect(page.getByRole('heading', { name: 'Cart' })).toBeVisible();
    await expect(page.getByTestId('cart-line')).toHaveCount(1);
    await expect(page.getByText(/Items: 2 · Total/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Check out' })).toBeVisible();
    await checkSizes(page, testInfo, 'shop-cart-en');

    // Back to Chinese on the cart page: still the cart, still two.
    await page.getByRole('button', { name: /User menu/ }).tap();
    await page.getByLabel('Language').selectOption('zh-CN');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('heading', { name: '购物车' })).toBeVisible();
    await expect(page.getByTestId('cart-line')).toHaveCount(1);
    await expect(page.getByText(/共 2 件 · 合计/)).toBeVisible();
    await expect(page.getByRole('button', { name: '去结算' })).toBeVisible();
    await checkSizes(page, testInfo, 'shop-cart-zh');
  });
});
