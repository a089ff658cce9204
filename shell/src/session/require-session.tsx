import { ErrorPanel, Spinner } from '@mosaic/shared-components';
import type { ReactNode } from 'react';
import { Redirect, useLocation, useSearch } from 'wouter';
import { useLocale } from '../i18n/locale-context.js';
import { requestIdOf } from '../shell-error.js';
import { useSession } from './session-context.js';

/**
 * Renders children for a signed-in user; otherwise sends them to sign in, remembering the path
 * (unless they signed out here) and why (expired, or signed out in another tab).
 */
export function RequireSession({ children }: { children: ReactNode }): React.JSX.Element {
  const { state, reload } = useSession();
  const [pathname] = useLocation();
  const search = useSearch();
  const { t } = useLocale();

  if (state.status === 'loading') return <Spinner label={t('restoringSession')} />;
  if (state.status === 'error') {
    return (
      <div className="shell-centered">
        <ErrorPanel
          title={t('serverUnreachable')}
          message={state.error instanceof Error ? state.error.message : String(state.error)}
          requestId={requestIdOf(state.error)}
          onRetry={reload}
        />
      </div>
    );
  }
  if (state.status === 'anonymous') {
    const next = `${pathname}${search ? `?${search}` : ''}${window.location.hash}`;
    const params = new URLSearchParams();
    if (next !== '/' && state.reason !== 'signed-out') params.set('next', next);
    if (state.reason === 'expired' || state.reason === 'signed-out-elsewhere') {
      params.set('reason', state.reason);
    }
    const query = params.size > 0 ? `?${params.toString()}` : '';
    return <Redirect to={`/signin${query}`} replace />;
  }
  return <>{children}</>;
}
