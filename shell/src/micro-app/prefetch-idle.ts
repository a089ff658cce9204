import type { AppEntry } from '../session/session-api.js';
import { entryOf } from './entry-of.js';
import { makeAssetFetch } from './make-asset-fetch.js';

const prefetched = new Set<string>();

/**
 * Fetches the other apps' html, scripts and styles when the browser is idle (qiankun's
 * requestIdleCallback prefetch, which also skips on save-data and 2G), so the first visit to
 * each is a cache hit. Each entry is prefetched once per page.
 */
export function prefetchIdle(apps: readonly AppEntry[]): void {
  const todo = apps.filter((app) => !app.override && !prefetched.has(app.entry));
  if (todo.length === 0) return;
  for (const app of todo) prefetched.add(app.entry);
  void import('qiankun').then(({ prefetchApps }) => {
    for (const app of todo) {
      // The entry the app will load, so the prefetch is the one download it needs.
      prefetchApps([{ name: app.name, entry: entryOf(app) }], { fetch: makeAssetFetch(app.name) });
    }
  });
}
