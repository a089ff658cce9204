import { appTitleFor } from '@mosaic/build-kit';
import { EmptyState, ErrorPanel, Spinner } from '@mosaic/shared-components';
import { useCallback, useEffect, useRef } from 'react';
import { Redirect, useLocation } from 'wouter';
import { OverrideBanner } from '../dev-override/override-banner.js';
import { useLocale } from '../i18n/locale-context.js';
import { findAppForPath } from '../micro-app/find-app-for-path.js';
import { MicroAppErrorBoundary } from '../micro-app/micro-app-error-boundary.js';
import { MicroAppHost } from '../micro-app/micro-app-host.js';
import type { MicroAppHostProps } from '../micro-app/micro-app-host.js';
import { prefetchIdle } from '../micro-app/prefetch-idle.js';
import type { AppEntry, Session } from '../session/session-api.js';
import { requestIdOf } from '../shell-error.js';
import { ToastRegion } from '../toast/toast-region.js';
import { AppNav } from './app-nav.js';
import { COMPOSE_PATH, ComposeView } from './compose-view.js';
import { FrameHeader } from './frame-header.js';
import { NotFound } from './not-found.js';
import { useApps } from './use-apps.js';
import { useDocumentTitle } from './use-document-title.js';
import { loadKeyOf } from '../keep-alive/kept-apps.js';
import { useKeptApps } from '../keep-alive/use-kept-apps.js';

interface FrameContentProps {
  apps: AppEntry[];
  session: Session;
  devTools: boolean;
  reloadApps: () => Promise<void>;
  onAppFailed?: MicroAppHostProps['onFailed'];
}

function FrameContent({
  apps,
  session,
  devTools,
  reloadApps,
  onAppFailed,
}: FrameContentProps): React.JSX.Element {
  const [pathname] = useLocation();
  const { locale, t } = useLocale();
  const app = findAppForPath(apps, pathname);
  const appTitle = app && appTitleFor(app, locale);
  useDocumentTitle(
    app && appTitle
      ? { title: appTitle, app: app.name }
      : pathname === '/'
        ? undefined
        : { title: t('notFoundTitle') },
    session.tenant.name,
  );
  const { kept, checkMemory } = useKeptApps(app, apps);
  // Once the first app shows, fetch the others while the browser is idle.
  const onMounted = useCallback(() => {
    prefetchIdle(apps);
    checkMemory();
  }, [apps, checkMemory]);

  let page: React.ReactNode = null;
  if (devTools && pathname === COMPOSE_PATH) {
    page = <ComposeView apps={apps} session={session} />;
  } else if (pathname === '/') {
    const first = apps[0];
    page = first ? (
      <Redirect to={first.route} replace />
    ) : (
      <EmptyState title={t('noAppsTitle')} description={t('noApps')} />
    );
  } else if (!app) {
    page = <NotFound pathname={pathname} />;
  }
  // Apps the user opened recently stay mounted but hidden (keep-alive): coming back is instant.
  return (
    <>
      {page}
      {kept.map((entry) => (
        <MicroAppErrorBoundary key={loadKeyOf(entry)} app={entry} reloadApps={reloadApps}>
          <MicroAppHost
            app={entry}
            active={entry === app}
            session={session}
            onMounted={onMounted}
            reloadApps={reloadApps}
            onFailed={onAppFailed}
          />
        </MicroAppErrorBoundary>
      ))}
    </>
  );
}

/** Moves focus to the app area after each navigation (not on first load), for keyboard users. */
function useFocusOnNavigate(target: React.RefObject<HTMLElement | null>): void {
  const [pathname] = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    target.current?.focus({ preventScroll: true });
  }, [pathname, target]);
}

/** The signed-in layout: header, nav from /api/apps, the current app's area and the toasts. */
export function Frame({ session }: { session: Session }): React.JSX.Element {
  const { state, retry, reload, onAppFailed } = useApps(`${session.tenant.id}/${session.user.id}`);
  const { t } = useLocale();
  const mainRef = useRef<HTMLElement>(null);
  useFocusOnNavigate(mainRef);
  return (
    <div className="shell">
      <FrameHeader session={session} />
      {state.status === 'ready' && <AppNav apps={state.apps} />}
      <main className="shell-main" id="mosaic-main" ref={mainRef} tabIndex={-1}>
        {state.status === 'loading' && <Spinner label={t('loadingApps')} />}
        {state.status === 'error' && (
          <ErrorPanel
            title={t('appsFailed')}
            message={t('appsFailedBody')}
            requestId={requestIdOf(state.error)}
            onRetry={retry}
          />
        )}
        {state.status === 'ready' && (
          <>
            <OverrideBanner overrides={state.overrides} onChange={retry} />
            <FrameContent
              apps={state.apps}
              session={session}
              devTools={state.devTools}
              reloadApps={reload}
              onAppFailed={onAppFailed}
            />
          </>
        )}
      </main>
      <ToastRegion />
    </div>
  );
}
