import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './shell-bench.js';

export interface LighthouseResult {
  page: string;
  url: string;
  performance: number;
  accessibility: number;
  bestPractices: number;
  fcpMs: number;
  tbtMs: number;
}

/** Options of benchLighthouse. */
export interface BenchLighthouseOptions {
  url: string;
  log: (line: string) => void;
}

/**
 * Lighthouse's default (mobile) audit of the sign-in page and of the shop's first screen
 * (signed in as the owner through the session cookie). Without a shop app, the first app the
 * owner gets is audited instead, and the row says so.
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
    { page: 'sign-in', path: '/signin', cookie: undefined },
    {
      page: shop?.name === 'shop' ? 'shop first screen' : `${shop?.name} (no shop app built)`,
      path: shop?.route ?? '/',
      cookie: `mosaic_session=${token}`,
    },
  ];
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: ['--headless=new', ...CHROMIUM_FLAGS],
  });
  const out: LighthouseResult[] = [];
  try {
    for (const { page, path, cookie } of pages) {
      const url = `${options.url}${path}`;
      const result = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices'],
        ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
      });
      const lhr = result?.lhr;
      if (!lhr) throw new Error(`lighthouse returned nothing for ${url}`);
      const score = (id: string): number => Math.round((lhr.categories[id]?.score ?? 0) * 100);
      out.push({
        page,
        url: path,
        performance: score('performance'),
        accessibility: score('accessibility'),
        bestPractices: score('best-practices'),
        fcpMs: lhr.audits['first-contentful-paint']?.numericValue ?? Number.NaN,
        tbtMs: lhr.audits['total-blocking-time']?.numericValue ?? Number.NaN,
      });
      options.log(`lighthouse ${page}: performance ${score('performance')}`);
    }
  } finally {
    chrome.kill();
  }
  return out;
}
