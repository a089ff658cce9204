import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { openApp, signIn } from './helpers';

/** Picks a language in the frame's user menu, then closes the menu. */
async function chooseLanguage(page: Page, from: RegExp, label: string, locale: string) {
  await page.getByRole('button', { name: from }).click();
  await page.getByLabel(label).selectOption(locale);
  // The menu now speaks the new language, so its label changed: close it from the keyboard.
  await page.keyboard.press('Escape');
}

test.describe('given the owner who switches the shell to English', () => {
  test('sees the apps by their English titles in the nav and the document title, and Chinese again after switching back', async ({
    page,
  }, testInfo) => {
    await page.goto('/');
    await signIn(page, 'xiaomai', 'owner');
    const nav = page.getByRole('navigation', { name: '应用' });
    await expect(nav.getByRole('link', { name: '销售' })).toBeVisible();
    // Marks this page: a reload would lose it.
    await page.evaluate(() => Object.assign(window, { __sameDocument: true }));

    await chooseLanguage(page, /用户菜单/, '语言', 'en-US');

    // The same page, relabelled in place: nav entries and the document title follow at once.
    const enNav = page.getByRole('navigation', { name: 'Apps' });
    for (const title of ['Inventory', 'Sales', 'Shop']) {
      await expect(enNav.getByRole('link', { name: title, exact: true })).toBeVisible();
    }
    await expect(enNav.getByRole('link', { name: '销售' })).toHaveCount(0);
    await expect(page).toHaveTitle(/Inventory · 小麦便利店 · Mosaic$/);
    expect(await page.evaluate(() => '__sameDocument' in window)).toBe(true);

    await openApp(page, 'Sales');
    await expect(page).toHaveURL(/\/sales(\/|$)/);
    await expect(page.getByTestId('sales-today')).toContainText('Sales today');
    await expect(enNav.getByRole('link', { name: 'Sales', exact: true })).toHaveClass(/is-active/);
    await expect(page).toHaveTitle(/ · Sales · 小麦便利店 · Mosaic$/);
    await page.screenshot({ path: testInfo.outputPath('nav-en.png') });
    await page.setViewportSize({ width: 360, height: 780 });
    await expect(enNav.getByRole('link', { name: 'Shop', exact: true })).toBeVisible();
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).toBe(true);
    await page.screenshot({ path: testInfo.outputPath('nav-en-360.png') });

    await chooseLanguage(page, /User menu/, 'Language', 'zh-CN');
    for (const title of ['库存', '销售', '商城']) {
      await expect(nav.getByRole('link', { name: title, exact: true })).toBeVisible();
    }
    await expect(nav.getByRole('link', { name: 'Sales' })).toHaveCount(0);
    await expect(page).toHaveTitle(/ · 销售 · 小麦便利店 · Mosaic$/);
    expect(await page.evaluate(() => '__sameDocument' in window)).toBe(true);
  });
});
