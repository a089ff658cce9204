import type { APIRequestContext } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_PASSWORD, overridePath, serveBuild, signIn } from './helpers';

/** The owner's Bearer token, for putting grants back whatever the test did. */
async function ownerToken(request: APIRequestContext): Promise<string> {
  const session = await request.post('/api/session', {
    data: { tenant: 'xiaomai', username: 'owner', password: DEMO_PASSWORD },
  });
  return ((await session.json()) as { token: string }).token;
}

test.describe('roles as data', () => {
  // Other specs share this system and expect the clerk to open shop: put the grant back.
  test.afterEach(async ({ request }) => {
    const token = await ownerToken(request);
    const restored = await request.put('/api/roles/clerk/apps/shop', {
      headers: { authorization: `Bearer ${token}` },
      data: {},
    });
    expect(restored.status()).toBe(200);
  });

  test('the owner revokes shop from the clerk in settings, then grants it back', async ({
    page: owner,
    browser,
  }, testInfo) => {
    // The clerk in a browser of her own, on the same device as this project.
    const { baseURL, viewport, userAgent, deviceScaleFactor, isMobile, hasTouch, locale } =
      testInfo.project.use;
    const clerkContext = await browser.newContext({
      baseURL,
      viewport,
      userAgent,
      deviceScaleFactor,
      isMobile,
      hasTouch,
      locale,
    });
    const clerk = await clerkContext.newPage();
    try {
      await owner.goto('/');
      await signIn(owner, 'xiaomai', 'owner');
      await owner.getByRole('button', { name: /用户菜单|User menu/ }).click();
      await owner.getByTestId('roles-settings-link').click();
      await expect(owner).toHaveURL(/\/settings\/roles$/);
      const shopSwitch = owner.getByTestId('grant-clerk-shop');
      await expect(shopSwitch).toBeChecked();
      // The owner's row is fixed: every app, always.
      await expect(owner.getByTestId('grant-owner-shop')).toBeDisabled();

      const revoked = owner.waitForResponse(
        (r) => r.url().endsWith('/api/roles/clerk/apps/shop') && r.request().method() === 'DELETE',
      );
      // Keyboard: focus the switch and press Space.
      await shopSwitch.focus();
      await owner.keyboard.press('Space');
      expect((await revoked).status()).toBe(200);
      await expect(shopSwitch).not.toBeChecked();

      await clerk.goto('/shop');
      await signIn(clerk, 'xiaomai', 'clerk');
      await expect(clerk.getByTestId('role-denied')).toContainText(
        /你的角色不能打开 商城|Your role may not open Shop/,
      );
      await expect(clerk.getByTestId('role-denied')).toContainText(/店主|owner/);
      await expect(clerk.getByTestId('not-found')).toHaveCount(0);
      await expect(
        clerk.getByRole('navigation').getByRole('link', { name: /商城|Shop/ }),
      ).toHaveCount(0);

      const granted = owner.waitForResponse(
        (r) => r.url().endsWith('/api/roles/clerk/apps/shop') && r.request().method() === 'PUT',
      );
      await shopSwitch.click();
      expect((await granted).status()).toBe(200);
      await expect(shopSwitch).toBeChecked();

      await clerk.reload();
      await expect(
        clerk
          .getByRole('navigation')
          .getByRole('link', { name: /商城|Shop/ })
          .first(),
      ).toBeVisible();
      await expect(clerk.getByTestId('role-denied')).toHaveCount(0);
    } finally {
      await clerkContext.close();
    }
  });

  test("a clerk's override of inventory is refused, and the banner says why", async ({ page }) => {
    // A local build of inventory on "the developer's machine": its manifest is all the shell reads
    // before it refuses.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mosaic-roles-override-'));
    const manifest = {
      name: 'inventory',
      version: '9.9.9',
      title: '库存',
      titles: { en: 'Inventory' },
      route: '/inventory',
      protocol: '1.6.0',
      roles: ['owner', 'keeper', 'clerk'],
    };
    writeFileSync(path.join(dir, 'mosaic.json'), JSON.stringify(manifest));
    const local = await serveBuild(dir);
    try {
      await page.goto(overridePath('inventory', local.url, '/sales'));
      await signIn(page, 'xiaomai', 'clerk');
      await expect(page.getByTestId('override-refused')).toContainText(
        /你的角色不能打开 库存|your role may not open Inventory/,
      );
      await expect(
        page.getByRole('navigation').getByRole('link', { name: /库存|Inventory/ }),
      ).toHaveCount(0);
      await page.goto('/inventory');
      await expect(page.getByTestId('role-denied')).toBeVisible();
    } finally {
      await local.close();
    }
  });
});
