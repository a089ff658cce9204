import { appTitleFor } from '@mosaic/build-kit';
import { useEffect, useRef } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { findAppForPath } from '../micro-app/find-app-for-path.js';
import { useLocale } from '../i18n/locale-context.js';
import type { AppEntry } from '../session/session-api.js';

export interface AppNavProps {
  apps: readonly AppEntry[];
}

/**
 * The letters in each nav icon: the first of the title, or the first two where another app's
 * title starts with the same letter ('Sales' and 'Shop' become 'Sa' and 'Sh'), so no two look
 * alike. The icon box fits two characters.
 */
export function navMarks(titles: readonly string[]): string[] {
  const chars = titles.map((title) => Array.from(title.trim()));
  return chars.map((own, i) => {
    const clashes = chars.some((other, j) => j !== i && other[0] === own[0]);
    return own.slice(0, clashes ? 2 : 1).join('');
  });
}

/**
 * Where each app was last left, for its nav entry: the shell keeps recently used apps alive, so
 * going back to an app goes back to the page the user was on, as a tab bar does. The entry of
 * the app on screen goes to its start.
 */
function useLastPaths(apps: readonly AppEntry[]): ReadonlyMap<string, string> {
  const [pathname] = useLocation();
  const search = useSearch();
  const last = useRef(new Map<string, string>());
  // Recorded once the page is on screen; the render after the user leaves reads it.
  useEffect(() => {
    const current = findAppForPath(apps, pathname);
    if (current) last.current.set(current.name, `${pathname}${search ? `?${search}` : ''}`);
  }, [apps, pathname, search]);
  return last.current;
}

/**
 * One entry per app, in manifest order: a side nav on desktop, bottom tabs on phones. Each is
 * labelled with the app's title in the frame's language.
 */
export function AppNav({ apps }: AppNavProps): React.JSX.Element {
  const { locale, t } = useLocale();
  const titles = apps.map((app) => appTitleFor(app, locale));
  const marks = navMarks(titles);
  const lastPaths = useLastPaths(apps);
  const [pathname] = useLocation();
  const current = findAppForPath(apps, pathname);
  return (
    <nav className="shell-nav" aria-label={t('appsNav')}>
      <ul>
        {apps.map((app, i) => {
          const title = titles[i] ?? app.name;
          return (
            <li key={app.name}>
              <Link
                href={app === current ? app.route : (lastPaths.get(app.name) ?? app.route)}
                className={app === current ? 'shell-nav-link is-active' : 'shell-nav-link'}
                aria-current={app === current ? 'page' : undefined}
                data-app={app.name}
              >
                <span className="shell-nav-icon" aria-hidden="true">
                  {app.icon ?? marks[i]}
                </span>
                <span className="shell-nav-label">{title}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
