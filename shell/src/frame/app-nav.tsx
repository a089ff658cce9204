import { appTitleFor } from '@mosaic/build-kit';
import { NavLink } from 'react-router';
import { useLocale } from '../i18n/locale-context.js';
import type { AppEntry } from '../session/session-api.js';

export interface AppNavProps {
  apps: readonly AppEntry[];
}

/**
 * One entry per app, in manifest order: a side nav on desktop, bottom tabs on phones. Each is
 * labelled with the app's title in the frame's language.
 */
export function AppNav({ apps }: AppNavProps): React.JSX.Element {
  const { locale, t } = useLocale();
  return (
    <nav className="shell-nav" aria-label={t('appsNav')}>
      <ul>
        {apps.map((app) => {
          const title = appTitleFor(app, locale);
          return (
            <li key={app.name}>
              <NavLink
                to={app.route}
                className={({ isActive }) =>
                  isActive ? 'shell-nav-link is-active' : 'shell-nav-link'
                }
                data-app={app.name}
              >
                <span className="shell-nav-icon" aria-hidden="true">
                  {app.icon ?? title.slice(0, 1)}
                </span>
                <span className="shell-nav-label">{title}</span>
              </NavLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
