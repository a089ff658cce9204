import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { overridePath, serveBuild, signIn } from './helpers';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const helloDist = path.join(root, 'build-kit/examples/hello/dist');

/** Every Content-Security-Policy violation Chromium reports on this page's console. */
function recordViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test.describe('given the shell served with its Content-Security-Policy', () => {
  test('every app mounts and works with no violation', async ({ page }) => {
    const violations = recordViolations(page);
    const response = await page.goto('/inventory');
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self' 'unsafe-eval'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(response?.headers()['referrer-policy']).toBe('strict-origin-when-cross-origin');

    await signIn(page, 'xiaomai', 'owner');
    await expect(page.getByTestId('product-row').first()).toBeVisible();
    await page.goto('/sales');
    await expect(page.getByTestId('order-count')).toBeVisible();
    await page.goto('/shop');
    await expect(page.getByTestId('shop-item').first()).toBeVisible();
    expect(violations).toEqual([]);
  });

  test('an inline script injected into the page does not run', async ({ page }) => {
    const violations = recordViolations(page);
    await page.goto('/');
    const ran = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true';
      document.body.append(script);
      await new Promise((resolve) => setTimeout(resolve, 50));
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    expect(ran).toBe(false);
    expect(violations.join('\n')).toMatch(/script-src/);
  });

  test('a developer’s local build still loads into the shell served from localhost', async ({
    page,
  }) => {
    const violations = recordViolations(page);
    const hello = await serveBuild(helloDist);
    try {
      await page.goto(overridePath('hello', hello.url, '/hello'));
      await signIn(page, 'xiaomai', 'owner');
      await expect(page.getByRole('heading', { name: /你好/ })).toBeVisible();
      expect(violations).toEqual([]);
    } finally {
      await hello.close();
    }
  });
});
