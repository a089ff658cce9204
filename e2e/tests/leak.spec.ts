import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { openApp, overridePath, serveBuild, signIn } from './helpers';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Runs before any page script: counts live listeners on window and document and live
 * timers, so what an app leaves behind after unmount shows up as growth.
 */
function instrument(): void {
  const listeners = new Map<string, Set<unknown>>();
  const timers = new Set<unknown>();
  for (const [name, target] of [
    ['window', window],
    ['document', document],
  ] as const) {
    const add = target.addEventListener.bind(target);
    const remove = target.removeEventListener.bind(target);
    const key = (type: string, options?: boolean | EventListenerOptions): string =>
      `${name}:${type}:${typeof options === 'boolean' ? options : Boolean(options?.capture)}`;
    target.addEventListener = (
      type: string,
      listener: EventListenerOrEventListenerObject | null,
      options?: boolean | AddEventListenerOptions,
    ) => {
      if (listener && !(typeof options === 'object' && options.once)) {
        const set = listeners.get(key(type, options)) ?? new Set();
        listeners.set(key(type, options), set.add(listener));
      }
      if (listener) add(type, listener, options);
    };
    target.removeEventListener = (
      type: string,
      listener: EventListenerOrEventListenerObject | null,
      options?: boolean | EventListenerOptions,
    ) => {
      listeners.get(key(type, options))?.delete(listener);
      if (listener) remove(type, listener, options);
    };
  }
  const { setTimeout: st, clearTimeout: ct, setInterval: si, clearInterval: ci } = window;
  window.setTimeout = ((fn: TimerHandler, ms?: number, ...args: unknown[]) => {
    const id = st(
      (...a: unknown[]) => {
        timers.delete(id);
        if (typeof fn === 'function') (fn as (...x: unknown[]) => void)(...a);
      },
      ms,
      ...args,
    );
    timers.add(id);
    return id;
  }) as typeof window.setTimeout;
  window.clearTimeout = ((id?: number) => {
    timers.delete(id);
    ct(id);
  }) as typeof window.clearTimeout;
  window.setInterval = ((fn: TimerHandler, ms?: number, ...args: unknown[]) => {
    const id = si(fn, ms, ...args);
    timers.add(id);
    return id;
  }) as typeof window.setInterval;
  window.clearInterval = ((id?: number) => {
    timers.delete(id);
    ci(id);
  }) as typeof window.clearInterval;
  const own = new Set(Object.getOwnPropertyNames(window));
  Object.defineProperty(window, '__leakCounts', {
    enumerable: false,
    value: () => ({
      globals: Object.getOwnPropertyNames(window).filter((n) => !own.has(n)).length,
      listeners: [...listeners.values()].reduce((sum, set) => sum + set.size, 0),
      timers: timers.size,
      nodes: document.getElementsByTagName('*').length,
    }),
  });
}

interface Counts {
  globals: number;
  listeners: number;
  timers: number;
  nodes: number;
}

async function counts(page: Page): Promise<Counts> {
  // Let unmounts and fetches settle, and single-spa's lifecycle watchdogs (a 3–4 s setTimeout
  // per bootstrap/mount/unmount that it never clears, only ignores) run out: they are not leaks.
  await page.waitForTimeout(5_000);
  return page.evaluate(() => (window as unknown as { __leakCounts(): Counts }).__leakCounts());
}

async function cycle(page: Page): Promise<void> {
  await openApp(page, '示例');
  await expect(page.getByRole('heading', { name: /你好/ })).toBeVisible();
  await openApp(page, '库存');
  await expect(page.getByTestId('product-row').first()).toBeVisible();
}

test('mounting and unmounting apps 50 times leaves no globals, listeners, timers or nodes', async ({
  page,
}, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'one browser size is enough to count leaks');
  test.setTimeout(240_000);
  const hello = await serveBuild(path.join(root, 'build-kit/examples/hello/dist'));
  try {
    await page.addInitScript(instrument);
    // Every cycle a real unmount and mount: keep-alive (which hides instead) is off in this tab.
    await page.addInitScript(() => window.sessionStorage.setItem('mosaic:keep-alive', 'off'));
    await page.goto(overridePath('hello', hello.url));
    await signIn(page, 'xiaomai', 'owner');
    await openApp(page, '库存');
    await expect(page.getByTestId('product-row').first()).toBeVisible();

    await cycle(page);
    const first = await counts(page);
    for (let i = 1; i < 50; i++) await cycle(page);
    const last = await counts(page);

    testInfo.annotations.push({
      type: 'leak counts',
      description: `after cycle 1 ${JSON.stringify(first)}, after cycle 50 ${JSON.stringify(last)}`,
    });
    console.log(`[leak] after 1 cycle ${JSON.stringify(first)}; after 50 ${JSON.stringify(last)}`);
    await page.screenshot({ path: testInfo.outputPath('after-50-cycles.png'), fullPage: true });
    expect(last.globals).toBeLessThanOrEqual(first.globals);
    expect(last.listeners).toBeLessThanOrEqual(first.listeners);
    expect(last.timers).toBeLessThanOrEqual(first.timers);
    expect(last.nodes).toBeLessThanOrEqual(first.nodes);
  } finally {
    await hello.close();
  }
});
