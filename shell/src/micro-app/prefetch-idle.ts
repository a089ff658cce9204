import type { AppEntry } from '../session/session-api.js';
import { entryOf } from './entry-of.js';
import { makeAssetFetch } from './make-asset-fetch.js';

const prefetched = new Set<string>();

/**
 * How long after the active app mounts before prefetching starts. Mounted is not finished: the
 * app still fetches its data and renders (on a slow phone, a second or more), and prefetched
 * html, scripts and styles would compete with it for the network and the main thread.
 */
const PREFETCH_DELAY_MS = 3000;

/**
 * Fetches the other apps' html, scripts and styles when the browser is idle (qiankun's
 * requestIdleCallback prefetch, which also skips on save-data and 2G), so the first visit to
 * each is a cache hit. Each entry is prefetched once per page, PREFETCH_DELAY_MS after the
 * active app mounted and once the page has loaded, so it never delays the app on screen.
 */
export function prefetchIdle(apps: readonly AppEntry[]): void {
  const todo = apps.filter((app) => !app.override && !prefetched.has(app.entry));
  if (todo.length === 0) return;
  for (const app of todo) prefetched.add(app.entry);
  const start = (): void => {
    void import('qiankun').then(({ prefetchApps }) => {
      for (const app of todo) {
        // The entry the app will load, so the prefetch is the one download it needs.
        prefetchApps([{ name: app.name, entry: entryOf(app) }], {
          fetch: makeAssetFetch(app.name),
        });
      }
    });
  };
  const later = (): void => void setTimeout(start, PREFETCH_DELAY_MS);
  if (document.readyState === 'complete') later();
  else window.addEventListener('load', later, { once: true });
}
