import { ErrorPanel, Spinner } from '@mosaic/shared-components';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { requestIdOf } from '../shell-error.js';
import { useSession } from './session-context.js';

/**
 * Renders children for a signed-in user; otherwise sends them to sign in, remembering the path
 * (unless they signed out here) and why (expired, or signed out in another tab).
 */
export function RequireSession({ children }: { children: ReactNode }): React.JSX.Element {
  const { state, reload } = useSession();
  const location = useLocation();

  if (state.status === 'loading') return <Spinner label="正在恢复会话… Loading" />;
  if (state.status === 'error') {
    return (
      <div className="shell-centered">
        <ErrorPanel
          title="无法连接服务器 · Cannot reach the server"
          message={state.error instanceof Error ? state.error.message : String(state.error)}
          requestId={requestIdOf(state.error)}
          onRetry={reload}
        />
      </div>
    );
  }
  if (state.status === 'anonymous') {
    const next = `${location.pathname}${location.search}${location.hash}`;
    const params = new URLSearchParams();
    if (next !== '/' && state.reason !== 'signed-out') params.set('next', next);
    if (state.reason === 'expired' || state.reason === 'signed-out-elsewhere') {
      params.set('reason', state.reason);
    }
    const search = params.size > 0 ? `?${params.toString()}` : '';
    return <Navigate to={`/signin${search}`} replace />;
  }
  return <>{children}</>;
}
