import type { AppEntry } from '../session/session-api.js';

/** The app whose route is `pathname` or a parent of it ('/inventory' owns '/inventory/42'). */
export function findAppForPath<T extends Pick<AppEntry, 'route'>>(
  apps: readonly T[],
  pathname: string,
): T | undefined {
  let best: T | undefined;
  for (const app of apps) {
    const route = app.route.replace(/\/+$/, '');
    const owns = pathname === route || pathname.startsWith(`${route}/`);
    if (owns && (!best || route.length > best.route.length)) best = app;
  }
  return best;
}
