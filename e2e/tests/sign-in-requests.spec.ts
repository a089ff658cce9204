import { expect, test } from '@playwright/test';
import type { Page, Request } from '@playwright/test';
import { signIn, signOutFromMenu } from './helpers';

/**
 * Records every request the page makes; `unauthorized()` waits for all their answers and says
 * which answered 401, as `METHOD path`.
 */
function watchRequests(page: Page): { unauthorized(): Promise<string[]> } {
  const requests: Request[] = [];
  page.on('request', (request) => requests.push(request));
  return {
    async unauthorized() {
      const answered = await Promise.all(
        requests.map(async (request) => ({ request, response: await request.response() })),
      );
      return answered
        .filter(({ response }) => response?.status() === 401)
        .map(({ request }) => `${request.method()} ${new URL(request.url()).pathname}`);
    },
  };
}

test.describe('given a signed-out visitor', () => {
  test('reaches the sign-in page without a request that answers 401', async ({ page }) => {
    const watch = watchRequests(page);
    await page.goto('/inventory/activity');
    await expect(page).toHaveURL(/\/signin/);
    await expect(page.locator('input[name="tenant"]')).toBeVisible();
    await page.goto('/signin');
    await expect(page.locator('input[name="tenant"]')).toBeVisible();
    expect(await watch.unauthorized()).toEqual([]);
  });

  test('asks nothing that answers 401 after signing out, and signs in again', async ({ page }) => {
    await page.goto('/inventory');
    await signIn(page, 'xiaomai', 'keeper');
    await expect(page.getByTestId('product-row').first()).toBeVisible();
    await signOutFromMenu(page);
    await expect(page.locator('input[name="tenant"]')).toBeVisible();
    const watch = watchRequests(page);
    await page.goto('/inventory');
    await expect(page).toHaveURL(/\/signin/);
    await expect(page.locator('input[name="tenant"]')).toBeVisible();
    expect(await watch.unauthorized()).toEqual([]);
    // Signed in again, a reload keeps the session: the hint the BFF set at sign-in is back.
    await signIn(page, 'xiaomai', 'keeper');
    await expect(page.getByTestId('product-row').first()).toBeVisible();
    await page.reload();
    await expect(page.getByTestId('product-row').first()).toBeVisible();
    await expect(page).toHaveURL(/\/inventory$/);
    expect(await watch.unauthorized()).toEqual([]);
  });
});

test.describe('given a user signing in', () => {
  test('opens the first app with the app list the sign-in answer carried', async ({ page }) => {
    await page.goto('/inventory');
    await expect(page.locator('input[name="tenant"]')).toBeVisible();
    const asked: string[] = [];
    page.on('request', (request) => {
      const { pathname } = new URL(request.url());
      if (pathname.startsWith('/api/')) asked.push(`${request.method()} ${pathname}`);
    });
    await signIn(page, 'xiaomai', 'keeper');
    await expect(page.getByTestId('product-row').first()).toBeVisible();
    // One round trip between the sign-in and the app: the list is not asked for again.
    expect(asked).toEqual(['POST /api/session']);
  });

  test('then opening a page again finds the session and app list in the page itself', async ({
    page,
  }) => {
    await page.goto('/inventory');
    await signIn(page, 'xiaomai', 'keeper');
    await expect(page.getByTestId('product-row').first()).toBeVisible();
    const asked: string[] = [];
    page.on('request', (request) => {
      const { pathname } = new URL(request.url());
      if (pathname.startsWith('/api/')) asked.push(`${request.method()} ${pathname}`);
    });
    await page.reload();
    await expect(page.getByTestId('product-row').first()).toBeVisible();
    await expect(page.getByRole('navigation').getByRole('link', { name: /库存/ })).toBeVisible();
    expect(asked).toEqual([]);
  });
});
