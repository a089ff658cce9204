import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { buildAndServeExample, openApp, overridePath, signIn } from './helpers';

let careless: Awaited<ReturnType<typeof buildAndServeExample>>;

test.beforeAll(async () => {
  careless = await buildAndServeExample('careless');
});

test.afterAll(async () => {
  await careless?.close();
});

interface PageState {
  /** Every <style> in the document. */
  styles: number;
  /** Style text anywhere in the document with the careless app's selectors or colours. */
  carelessStyleText: string;
  /** How many `document` listeners a dispatched `careless-ping` reached. */
  pings: number;
  /** The same for the listener the app adds on its first mount only. */
  oncePings: number;
  /** Elements directly in <body>, and those the careless app put there. */
  bodyChildren: number;
  carelessBodyNodes: number;
  /** The shell's own look. */
  look: Record<string, string>;
}

async function pageState(page: Page): Promise<PageState> {
  return page.evaluate(() => {
    const ping = new CustomEvent('careless-ping', { detail: { count: 0 } });
    document.dispatchEvent(ping);
    const once = new CustomEvent('careless-once', { detail: { count: 0 } });
    document.dispatchEvent(once);
    const css = (selector: string, property: string): string => {
      const element = document.querySelector(selector);
      return element ? getComputedStyle(element).getPropertyValue(property) : 'missing';
    };
    return {
      styles: document.querySelectorAll('style').length,
      carelessStyleText: [...document.querySelectorAll('style')]
        .map((s) => s.textContent ?? '')
        .filter((text) => /careless|255, 0, 255|200, 0, 0|0, 200, 0/.test(text))
        .join('\n'),
      pings: ping.detail.count,
      oncePings: once.detail.count,
      bodyChildren: document.body.children.length,
      carelessBodyNodes: document.querySelectorAll('body > .careless-body-node').length,
      look: {
        body: css('body', 'background-color'),
        header: css('header.shell-header', 'background-color'),
        nav: css('nav.shell-nav', 'opacity'),
        navLink: css('.shell-nav-link', 'outline-style'),
        main: css('main.shell-main', 'font-family'),
        heading: css('.shell-header a, .shell-header h1, .shell-header', 'color'),
      },
    };
  });
}

async function openCareless(page: Page): Promise<void> {
  await openApp(page, '粗心');
  await expect(page.getByTestId('careless-ready')).toBeVisible();
}

async function openInventory(page: Page): Promise<void> {
  await openApp(page, '库存');
  await expect(page.getByTestId('product-row').first()).toBeVisible();
}

test.describe('given a careless app that litters the document on every mount', () => {
  test('its styles stay in its box and, with its listeners and body nodes, leave when it unmounts', async ({
    page,
  }, testInfo) => {
    await page.goto(overridePath('careless', careless.url, '/inventory'));
    await signIn(page, 'xiaomai', 'owner');
    await expect(page.getByTestId('product-row').first()).toBeVisible();
    const before = await pageState(page);
    expect(before.pings).toBe(0);
    expect(before.carelessBodyNodes).toBe(0);
    expect(before.carelessStyleText).toBe('');

    const mounted: PageState[] = [];
    for (let cycle = 0; cycle < 4; cycle++) {
      await openCareless(page);
      const state = await pageState(page);
      mounted.push(state);
      // Inside its box its rules work: the heading, the CSSOM rule, the once-inserted cache.
      const app = page.locator('#root[data-mosaic-app="careless"]');
      await expect(app.locator('h1')).toHaveCSS('color', 'rgb(200, 0, 0)');
      await expect(app.locator('.careless-box')).toHaveCSS('border-top-style', 'dashed');
      await expect(app.locator('.careless-cached')).toHaveCSS('color', 'rgb(0, 128, 0)');
      // Outside it nothing changed: the shell looks as it did before the app came.
      expect(state.look).toEqual(before.look);
      // One mount's worth, never piling up.
      expect(state.pings).toBe(1);
      expect(state.oncePings).toBe(1);
      expect(state.carelessBodyNodes).toBe(2);
      if (cycle === 0) await page.screenshot({ path: testInfo.outputPath('careless-mounted.png') });

      await openInventory(page);
      const after = await pageState(page);
      expect(after.pings).toBe(0);
      expect(after.oncePings).toBe(0);
      expect(after.carelessBodyNodes).toBe(0);
      expect(after.bodyChildren).toBe(before.bodyChildren);
      expect(after.carelessStyleText).toBe('');
      expect(after.styles).toBe(before.styles);
      expect(after.look).toEqual(before.look);
    }
    expect(new Set(mounted.map((s) => s.styles)).size).toBe(1);
    testInfo.annotations.push({
      type: 'counts',
      description: `before ${JSON.stringify(before)}; mounted ${JSON.stringify(mounted.map((s) => [s.styles, s.pings, s.carelessBodyNodes]))}`,
    });
  });
});

test.describe('given the careless app mounted beside another app', () => {
  test('its run-time styles do not restyle the other app', async ({ page }) => {
    await page.goto(
      overridePath('careless', careless.url, '/_mosaic/compose?apps=careless,inventory'),
    );
    await signIn(page, 'xiaomai', 'owner');
    await expect(page.getByTestId('careless-ready')).toBeVisible();
    await expect(page.getByTestId('product-row').first()).toBeVisible();

    const own = page.locator('#root[data-mosaic-app="careless"]');
    const other = page.locator('#root[data-mosaic-app="inventory"]');
    await expect(own.locator('button').first()).toHaveCSS('outline-color', 'rgb(0, 200, 0)');
    await expect(own.locator('h1')).toHaveCSS('color', 'rgb(200, 0, 0)');
    const outline = await other
      .locator('button')
      .first()
      .evaluate((el) => getComputedStyle(el).outlineColor);
    expect(outline).not.toBe('rgb(0, 200, 0)');
    const colors = await other
      .locator('h1, h2, p')
      .evaluateAll((els) => els.map((el) => getComputedStyle(el).color));
    expect(colors.length).toBeGreaterThan(0);
    expect(colors).not.toContain('rgb(200, 0, 0)');
    await expect(other).not.toHaveCSS('background-color', 'rgb(255, 0, 255)');
  });
});

test.describe('given an app that opens a dialog', () => {
  test('the dialog renders in the app portal layer, inside its box', async ({ page }) => {
    await page.goto('/inventory');
    await signIn(page, 'xiaomai', 'owner');
    await page.getByTestId('product-row').first().getByRole('button').first().click();
    await page.getByTestId('adjust-stock').click();
    const dialog = page.getByRole('dialog', { name: '调整库存' });
    await expect(dialog).toBeVisible();
    await expect(page.locator('[data-mosaic-portal="inventory"] [role="dialog"]')).toBeVisible();
    expect(await page.locator('body > [role="dialog"], body > * > [role="dialog"]').count()).toBe(
      0,
    );
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
  });
});
