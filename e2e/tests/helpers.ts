import type { APIRequestContext, Page } from '@playwright/test';
import { expect } from '@playwright/test';

export const DEMO_PASSWORD = 'demo1234';

/** Signs in through the shell's sign-in form, as a user would. */
export async function signIn(page: Page, tenant: string, username: string): Promise<void> {
  await page.locator('input[name="tenant"]').fill(tenant);
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.locator('button[type="submit"]').click();
}

/** The product names a tenant has, read through the public API rather than hard-coded. */
export async function productNamesOf(
  request: APIRequestContext,
  tenant: string,
): Promise<string[]> {
  const session = await request.post('/api/session', {
    data: { tenant, username: 'owner', password: DEMO_PASSWORD },
  });
  expect(session.status()).toBe(200);
  const { token } = (await session.json()) as { token: string };
  const response = await request.post('/graphql', {
    headers: { authorization: `Bearer ${token}` },
    data: { query: '{ products(first: 200) { name } }' },
  });
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { data: { products: { name: string }[] } };
  return body.data.products.map((p) => p.name);
}

/** Opens an app from the frame's navigation (side nav on desktop, tab bar on a phone). */
export async function openApp(page: Page, title: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: title }).first().click();
}
