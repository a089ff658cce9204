import type { AppEntry } from '../session/session-api.js';

/** The app whose route is `pathname` or a parent of it ('/inventory' owns '/inventory/42'). */
export function findAppForPath(apps: readonly AppEntry[], pathname: string): AppEntry | undefined {
  let best: AppEntry | undefined;
  for (const app of apps) {
    const route = app.route.replace(/\/+$/, '');
    const owns = pathname === route || pathname.startsWith(`${route}/`);
    if (owns && (!best || route.length > best.route.length)) best = app;
  }
  return best;
}
