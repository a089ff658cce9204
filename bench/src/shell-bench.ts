import { chromium } from 'playwright-core';
import type { Browser, Page, Response } from 'playwright-core';
import { pageDataBytes } from './heap-snapshot.js';
import type { HeapSnapshot } from './heap-snapshot.js';
import { median } from './stats.js';
import { startStandaloneServer } from './system/standalone-server.js';

/** Chromium as Debian ships it, with the flags every browser measurement here uses. */
export const CHROMIUM_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export interface ShellResult {
  runs: number;
  firstApp: string;
  switchBetween: string[];
  coldLoadMs: number;
  coldRuns: number[];
  /**
   * The shell's JavaScript Chromium fetched in a cold load, from opening /signin until the
   * first app's content shows: bytes on the wire (compressed as the BFF sent them), per file.
   */
  shellJsBeforeFirstApp: { file: string; bytes: number }[];
  standaloneMs: number;
  standaloneRuns: number[];
  /**
   * Keep-alive on (the shell's default), timed in the page: the click's event timestamp to the
   * end of the first frame that paints the app's content (what the user waits for).
   */
  warmSwitchMs: number;
  switchRuns: number[];
  /** The same switches timed from Node: Playwright's click and polling round trips included. */
  warmSwitchViaPlaywrightMs: number;
  /** Keep-alive switched off in the tab: each switch is an unmount and a mount. */
  warmSwitchOffMs: number;
  switchOffRuns: number[];
  warmSwitchOffViaPlaywrightMs: number;
  /** V8's used JS heap size after a GC: compiled code included. */
  heap: HeapReadings;
  /** The page's own data only (heap snapshot without compiled code and V8 internals). */
  pageData: HeapReadings;
}

export interface HeapReadings {
  switches: number;
  after1: number;
  afterMany: number;
  after200: number;
}

/** Options of benchShell. */
export interface BenchShellOptions {
  url: string;
  log: (line: string) => void;
  /** Repetitions of each timing. @default 5 */
  runs?: number;
  /** App switches before the second heap reading. @default 50 */
  switches?: number;
}

interface AppEntry {
  name: string;
  version: string;
  route: string;
  /** Where the shell loads it from, e.g. /apps/inventory/0.2.0/index.html. */
  entry: string;
}

const USER = { tenant: 'xiaomai', username: 'owner', password: 'demo1234' };

/**
 * "Content visible": the app's area has rendered text and nothing in it says it is busy (the
 * shell's skeleton and the UI kit's loading states carry aria-busy="true").
 */
async function waitForContent(page: Page, selector: string): Promise<void> {
  await page.waitForFunction(
    (sel) => {
      const area = document.querySelector(sel);
      // A kept-alive app's area is in the DOM but hidden: its text is not "visible".
      if (!(area instanceof HTMLElement) || !area.checkVisibility()) return false;
      if (area.querySelector('[aria-busy="true"]') || document.querySelector('.shell-skeleton'))
        return false;
      return area.innerText.trim().length > 20;
    },
    selector,
    { timeout: 30_000, polling: 'raf' },
  );
}

const inShell = (app: string): string => `.shell-app-container[data-app="${app}"]`;

/** Cold load, standalone baseline, warm switches and heap growth, in headless Chromium. */
export async function benchShell(options: BenchShellOptions): Promise<ShellResult> {
  const runs = options.runs ?? 5;
  const switches = options.switches ?? 50;
  const apps = await appsOf(options.url);
  const [first, second] = apps;
  if (!first || !second) throw new Error('the shell bench needs two published apps for the owner');
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_FLAGS,
    headless: true,
  });
  try {
    const coldRuns: number[] = [];
    const standaloneRuns: number[] = [];
    let shellJsBeforeFirstApp: ShellResult['shellJsBeforeFirstApp'] = [];
    for (let i = 0; i < runs; i += 1) {
      const cold = await coldLoad(browser, options.url, first.name);
      coldRuns.push(cold.ms);
      shellJsBeforeFirstApp = cold.shellJs;
      standaloneRuns.push(await standalone(browser, options.url, first));
    }
    options.log(
      `shell cold ${coldRuns.map(Math.round).join(', ')} ms; standalone ${standaloneRuns.map(Math.round).join(', ')} ms`,
    );
    // Keep-alive on (the default): both apps stay mounted, a switch shows the hidden one.
    const on = await switchRound(browser, options.url, [first, second], {
      keepAlive: true,
      switches: Math.max(switches, 200),
      samples: runs * 2,
      heapAt: [switches, 200],
    });
    // Off in the tab (sessionStorage): every switch unmounts one app and mounts the other.
    const off = await switchRound(browser, options.url, [first, second], {
      keepAlive: false,
      switches: runs * 2 + 1,
      samples: runs * 2,
      heapAt: [],
    });
    return {
      runs,
      firstApp: first.name,
      switchBetween: [first.name, second.name],
      coldLoadMs: median(coldRuns),
      coldRuns,
      shellJsBeforeFirstApp,
      standaloneMs: median(standaloneRuns),
      standaloneRuns,
      warmSwitchMs: median(on.runs),
      switchRuns: on.runs,
      warmSwitchViaPlaywrightMs: median(on.viaPlaywright),
      warmSwitchOffMs: median(off.runs),
      switchOffRuns: off.runs,
      warmSwitchOffViaPlaywrightMs: median(off.viaPlaywright),
      heap: readingsOf(on.heap, switches, 'usedSize'),
      pageData: readingsOf(on.heap, switches, 'pageData'),
    };
  } finally {
    await browser.close();
  }
}

interface HeapReading {
  usedSize: number;
  pageData: number;
}

function readingsOf(
  heap: Map<number, HeapReading>,
  switches: number,
  key: keyof HeapReading,
): HeapReadings {
  const at = (n: number): number => heap.get(n)?.[key] ?? 0;
  return { switches, after1: at(1), afterMany: at(switches), after200: at(200) };
}

/**
 * Installed in every page of a switch round: `__mosaicArmSwitch(selector)` listens for the next
 * click and, from then on, checks each animation frame for the app's content (the rule of
 * waitForContent); `__mosaicSwitch` then resolves to the time from the click's event timestamp
 * (when Chromium took the input) to just after the first frame that paints the content. A
 * string, not a function: tsx wraps named functions in a helper the page does not have.
 */
const SWITCH_PROBE = `
window.__mosaicArmSwitch = (selector) => {
  window.__mosaicSwitch = new Promise((resolve, reject) => {
    let clickedAt;
    addEventListener('click', (event) => { clickedAt = event.timeStamp; }, { capture: true, once: true });
    const deadline = performance.now() + 30000;
    const shows = () => {
      const area = document.querySelector(selector);
      if (!(area instanceof HTMLElement) || !area.checkVisibility()) return false;
      if (area.querySelector('[aria-busy="true"]') || document.querySelector('.shell-skeleton')) return false;
      return area.innerText.trim().length > 20;
    };
    const onFrame = () => {
      if (clickedAt !== undefined && shows()) {
        // This frame paints the content; a message posted now is handled once it has.
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now() - clickedAt);
        channel.port2.postMessage(null);
      } else if (performance.now() > deadline) {
        reject(new Error('no content in ' + selector + ' 30 s after the click'));
      } else {
        requestAnimationFrame(onFrame);
      }
    };
    requestAnimationFrame(onFrame);
  });
};
`;

/**
 * One switch by the nav: timed in the page (click → content painted) and from Node (Playwright's
 * click → its poll seeing the content, round trips included).
 */
async function timedSwitch(
  page: Page,
  app: AppEntry,
): Promise<{ inPage: number; viaPlaywright: number }> {
  await page.evaluate(`window.__mosaicArmSwitch(${JSON.stringify(inShell(app.name))})`);
  const started = performance.now();
  await page.locator(`nav a[data-app="${app.name}"]`).first().click();
  await waitForContent(page, inShell(app.name));
  const viaPlaywright = performance.now() - started;
  const inPage = (await page.evaluate('window.__mosaicSwitch')) as number;
  return { inPage, viaPlaywright };
}

interface SwitchRoundOptions {
  keepAlive: boolean;
  /** Switches in all; the first visit to the second app is its cold load, not counted. */
  switches: number;
  /** Switch times to keep (the first ones after that cold load). */
  samples: number;
  /** After how many switches to read the JS heap (after a GC); 1 is always read. */
  heapAt: number[];
}

/** Signs in, then switches between two apps by the nav, timing each and reading the heap. */
async function switchRound(
  browser: Browser,
  url: string,
  [first, second]: [AppEntry, AppEntry],
  options: SwitchRoundOptions,
): Promise<{ runs: number[]; viaPlaywright: number[]; heap: Map<number, HeapReading> }> {
  const context = await browser.newContext({ baseURL: url });
  await context.addInitScript({ content: SWITCH_PROBE });
  if (!options.keepAlive) {
    await context.addInitScript(() => window.sessionStorage.setItem('mosaic:keep-alive', 'off'));
  }
  try {
    const page = await context.newPage();
    await signIn(page, first.name);
    await timedSwitch(page, second);
    const cdp = await context.newCDPSession(page);
    const readHeap = async (): Promise<HeapReading> => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      const chunks: string[] = [];
      const onChunk = ({ chunk }: { chunk: string }): number => chunks.push(chunk);
      cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
      await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
      cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
      return { usedSize, pageData: pageDataBytes(JSON.parse(chunks.join('')) as HeapSnapshot) };
    };
    const heap = new Map<number, HeapReading>([[1, await readHeap()]]);
    const runs: number[] = [];
    const viaPlaywright: number[] = [];
    for (let i = 1; i < options.switches; i += 1) {
      const ms = await timedSwitch(page, i % 2 === 1 ? first : second);
      if (runs.length < options.samples) {
        runs.push(ms.inPage);
        viaPlaywright.push(ms.viaPlaywright);
      }
      if (options.heapAt.includes(i + 1)) heap.set(i + 1, await readHeap());
    }
    return { runs, viaPlaywright, heap };
  } finally {
    await context.close();
  }
}

async function appsOf(url: string): Promise<AppEntry[]> {
  const session = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(USER),
  });
  const { token } = (await session.json()) as { token: string };
  const response = await fetch(`${url}/api/apps`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return ((await response.json()) as { apps: AppEntry[] }).apps;
}

/** Fill the sign-in form and submit; resolves once the first app shows content. */
async function signIn(page: Page, firstApp: string): Promise<number> {
  await page.goto('/signin');
  await page.locator('input[name="tenant"]').fill(USER.tenant);
  await page.locator('input[name="username"]').fill(USER.username);
  await page.locator('input[name="password"]').fill(USER.password);
  const started = performance.now();
  await page.locator('button[type="submit"]').click();
  await waitForContent(page, inShell(firstApp));
  return performance.now() - started;
}

/**
 * A fresh browser context (empty cache): sign-in submit → first app's content visible, and the
 * shell's JS files (`/assets/*.js`) fetched from opening /signin until then.
 */
async function coldLoad(
  browser: Browser,
  url: string,
  firstApp: string,
): Promise<{ ms: number; shellJs: { file: string; bytes: number }[] }> {
  const context = await browser.newContext({ baseURL: url });
  try {
    const page = await context.newPage();
    const responses: Response[] = [];
    page.on('response', (response) => {
      if (/\/assets\/[^/]+\.js$/.test(new URL(response.url()).pathname)) responses.push(response);
    });
    const ms = await signIn(page, firstApp);
    const fetched = [...responses];
    const shellJs = await Promise.all(
      fetched.map(async (response) => {
        await response.finished();
        const sizes = await response.request().sizes();
        return { file: new URL(response.url()).pathname.slice(1), bytes: sizes.responseBodySize };
      }),
    );
    return { ms, shellJs };
  } finally {
    await context.close();
  }
}

/** The same app opened alone, at `/` of its own origin (signed in, empty cache). */
async function standalone(browser: Browser, url: string, app: AppEntry): Promise<number> {
  const server = await startStandaloneServer(url, app.entry);
  const context = await browser.newContext({ baseURL: server.url });
  try {
    const session = await context.request.post('/api/session', { data: USER });
    if (!session.ok())
      throw new Error(`sign-in for the standalone run answered ${session.status()}`);
    const page = await context.newPage();
    const started = performance.now();
    await page.goto('/');
    await waitForContent(page, '#root');
    return performance.now() - started;
  } finally {
    await context.close();
    await server.close();
  }
}
