import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SESSION_HINT_COOKIE } from '@mosaic/contracts';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './shell-bench.js';
import { median } from './stats.js';

/** One page's audit: each figure the median of `runs` runs (scores 0–100). */
export interface LighthouseResult {
  page: string;
  url: string;
  runs: number;
  performance: number;
  /** Every run's performance score, in order. */
  performanceRuns: number[];
  accessibility: number;
  bestPractices: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
}

/** How many times each page is audited; each figure is the median. */
const RUNS = 3;

/** Options of benchLighthouse. */
export interface BenchLighthouseOptions {
  url: string;
  log: (line: string) => void;
  /** Where the first run's full report of each page is written, as `lighthouse-<page>.json`. */
  resultsDir: string;
}

/**
 * Lighthouse's default (mobile) audit of the sign-in page and of the shop's first screen
 * (signed in as the owner: the session and hint cookies in Chrome's jar). Without a shop app, the first app the
 * owner gets is audited instead, and the row says so. Each page is audited RUNS times in a
 * fresh tab; each figure is the median of its runs. The first run's biggest opportunities are
 * logged, so a slow page says what is on its critical path.
 */
export async function benchLighthouse(
  options: BenchLighthouseOptions,
): Promise<LighthouseResult[]> {
  const session = await fetch(`${options.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenant: 'xiaomai', username: 'owner', password: 'demo1234' }),
  });
  const { token } = (await session.json()) as { token: string };
  const apps = (
    (await (
      await fetch(`${options.url}/api/apps`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as { apps: { name: string; route: string }[] }
  ).apps;
  const shop = apps.find((a) => a.name === 'shop') ?? apps[0];
  const pages = [
    { page: 'sign-in', path: '/signin', signedIn: false },
    {
      page: shop?.name === 'shop' ? 'shop first screen' : `${shop?.name} (no shop app built)`,
      path: shop?.route ?? '/',
      signedIn: true,
    },
  ];
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: ['--headless=new', ...CHROMIUM_FLAGS],
  });
  const out: LighthouseResult[] = [];
  try {
    for (const { page, path, signedIn } of pages) {
      const url = `${options.url}${path}`;
      if (signedIn) await signInBrowser(chrome.port, options.url, token);
      const runs: Omit<LighthouseResult, 'page' | 'url' | 'runs' | 'performanceRuns'>[] = [];
      for (let run = 0; run < RUNS; run += 1) {
        const result = await lighthouse(url, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility', 'best-practices'],
        });
        const lhr = result?.lhr;
        if (!lhr) throw new Error(`lighthouse returned nothing for ${url}`);
        const score = (id: string): number => Math.round((lhr.categories[id]?.score ?? 0) * 100);
        const value = (id: string): number => lhr.audits[id]?.numericValue ?? Number.NaN;
        runs.push({
          performance: score('performance'),
          accessibility: score('accessibility'),
          bestPractices: score('best-practices'),
          fcpMs: value('first-contentful-paint'),
          lcpMs: value('largest-contentful-paint'),
          tbtMs: value('total-blocking-time'),
          cls: value('cumulative-layout-shift'),
        });
        if (run === 0) {
          // The whole report of the first run, for what the tables leave out (ignored by git).
          writeFileSync(
            join(options.resultsDir, `lighthouse-${page.replace(/\W+/g, '-')}.json`),
            JSON.stringify(lhr),
          );
          const opportunities = Object.values(lhr.audits)
            .filter((a) => a.details?.type === 'opportunity' && (a.numericValue ?? 0) > 0)
            .sort((a, b) => (b.numericValue ?? 0) - (a.numericValue ?? 0))
            .slice(0, 4)
            .map((a) => `${a.id} ${Math.round(a.numericValue ?? 0)} ms`);
          options.log(`lighthouse ${page}: opportunities ${opportunities.join(', ') || 'none'}`);
        }
        options.log(`lighthouse ${page} run ${run + 1}: performance ${score('performance')}`);
      }
      const mid = (pick: (r: (typeof runs)[number]) => number): number => median(runs.map(pick));
      out.push({
        page,
        url: path,
        runs: RUNS,
        performanceRuns: runs.map((r) => r.performance),
        performance: mid((r) => r.performance),
        accessibility: mid((r) => r.accessibility),
        bestPractices: mid((r) => r.bestPractices),
        fcpMs: mid((r) => r.fcpMs),
        lcpMs: mid((r) => r.lcpMs),
        tbtMs: mid((r) => r.tbtMs),
        cls: mid((r) => r.cls),
      });
    }
  } finally {
    chrome.kill();
  }
  return out;
}

/**
 * Puts the session in Chrome's cookie jar as a sign-in would: the HttpOnly session cookie and the
 * hint the shell reads (`SESSION_HINT_COOKIE`; without it the shell takes the visit as signed
 * out). Lighthouse clears no cookies between runs.
 */
async function signInBrowser(port: number, origin: string, token: string): Promise<void> {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  try {
    const context = browser.contexts()[0];
    if (!context) throw new Error(`Chrome on port ${port} has no browser context to sign in`);
    await context.addCookies([
      { name: 'mosaic_session', value: token, url: origin, httpOnly: true, sameSite: 'Lax' },
      { name: SESSION_HINT_COOKIE, value: '1', url: origin, sameSite: 'Lax' },
    ]);
  } finally {
    await browser.close();
  }
}
