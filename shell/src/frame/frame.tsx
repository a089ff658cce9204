import { EmptyState, ErrorPanel, Spinner } from '@mosaic/shared-components';
import { Navigate, useLocation } from 'react-router';
import { findAppForPath } from '../micro-app/find-app-for-path.js';
import { MicroAppErrorBoundary } from '../micro-app/micro-app-error-boundary.js';
import { MicroAppHost } from '../micro-app/micro-app-host.js';
import type { AppEntry, Session } from '../session/session-api.js';
import { requestIdOf } from '../shell-error.js';
import { OverrideBanner } from '../dev-override/override-banner.js';
import { AppNav } from './app-nav.js';
import { COMPOSE_PATH, ComposeView } from './compose-view.js';
import { FrameHeader } from './frame-header.js';
import { useApps } from './use-apps.js';

function FrameContent({
  apps,
  session,
  devTools,
}: {
  apps: AppEntry[];
  session: Session;
  devTools: boolean;
}): React.JSX.Element {
  const { pathname } = useLocation();
  const first = apps[0];
  if (devTools && pathname === COMPOSE_PATH) return <ComposeView apps={apps} session={session} />;
  if (pathname === '/') {
    if (first) return <Navigate to={first.route} replace />;
    return (
      <EmptyState
        title="暂无可用应用"
        description="你的角色还没有可以打开的应用。No apps are available for your role."
      />
    );
  }
  const app = findAppForPath(apps, pathname);
  if (!app) {
    return (
      <EmptyState
        title="页面不存在"
        description={`没有应用挂载在 ${pathname}。No app lives at this address.`}
      />
    );
  }
  return (
    <MicroAppErrorBoundary key={`${app.name}@${app.version}`} appTitle={app.title}>
      <MicroAppHost app={app} session={session} />
    </MicroAppErrorBoundary>
  );
}

/** The signed-in layout: header, nav from /api/apps, and the current app's area. */
export function Frame({ session }: { session: Session }): React.JSX.Element {
  const { state, retry } = useApps(`${session.tenant.id}/${session.user.id}`);
  return (
    <div className="shell">
      <FrameHeader session={session} />
      {state.status === 'ready' && <AppNav apps={state.apps} />}
      <main className="shell-main">
        {state.status === 'loading' && <Spinner label="正在加载应用列表… Loading apps" />}
        {state.status === 'error' && (
          <ErrorPanel
            title="应用列表加载失败 · Could not load your apps"
            message={state.error instanceof Error ? state.error.message : String(state.error)}
            requestId={requestIdOf(state.error)}
            onRetry={retry}
          />
        )}
        {state.status === 'ready' && (
          <>
            <OverrideBanner overrides={state.overrides} onChange={retry} />
            <FrameContent apps={state.apps} session={session} devTools={state.devTools} />
          </>
        )}
      </main>
    </div>
  );
}
