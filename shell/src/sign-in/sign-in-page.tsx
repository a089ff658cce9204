import { Button, Spinner } from '@mosaic/shared-components';
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { Redirect, useLocation, useSearchParams } from 'wouter';
import { useLocale } from '../i18n/locale-context.js';
import type { LocaleContextValue } from '../i18n/locale-context.js';
import { requestIdOf, ShellError } from '../shell-error.js';
import { safeNextPath } from '../session/safe-next-path.js';
import { useSession } from '../session/session-context.js';
import { preloadQiankun } from '../session/start-early-requests.js';

function describeError(error: unknown, t: LocaleContextValue['t']): string {
  if (error instanceof ShellError && error.status === 429) {
    return t('rateLimited', { count: error.retryAfterSeconds ?? 60 });
  }
  if (error instanceof ShellError && error.status === 401) return t('wrongCredentials');
  if (error instanceof ShellError && error.status === 400) return t('missingFields');
  const requestId = requestIdOf(error);
  const detail = error instanceof Error ? error.message : String(error);
  return `${t('signInFailed', { detail })}${requestId ? ` (request id ${requestId})` : ''}`;
}

/** 登录: tenant, username, password → POST /api/session, then back to the page first asked for. */
export function SignInPage(): React.JSX.Element {
  const { state, signIn } = useSession();
  const { t } = useLocale();
  const [, navigate] = useLocation();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const reason = params.get('reason');
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  useEffect(() => {
    document.title = `${t('signInTitle')} · Mosaic`;
  }, [t]);

  if (state.status === 'loading') return <Spinner />;
  if (state.status === 'signed-in' && !submitting) return <Redirect to={next} replace />;

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setError(null);
    setSubmitting(true);
    preloadQiankun(); // the first app needs it right after this round trip
    try {
      await signIn({
        tenant: String(form.get('tenant') ?? '').trim(),
        username: String(form.get('username') ?? '').trim(),
        password: String(form.get('password') ?? ''),
      });
      navigate(next, { replace: true });
    } catch (e) {
      setError(describeError(e, t));
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <main className="signin">
      <form
        className="signin-card"
        onSubmit={(e) => void onSubmit(e)}
        aria-labelledby="signin-title"
      >
        <h1 className="signin-title" id="signin-title">
          Mosaic <span className="signin-subtitle">{t('signInTitle')}</span>
        </h1>
        {(reason === 'expired' || reason === 'signed-out-elsewhere') && !error && (
          <p className="signin-notice" role="status">
            {t(reason === 'expired' ? 'expired' : 'signedOutElsewhere')}
          </p>
        )}
        <label className="signin-field">
          <span>{t('tenant')}</span>
          <input
            autoFocus
            name="tenant"
            autoComplete="organization"
            required
            placeholder="xiaomai"
          />
        </label>
        <label className="signin-field">
          <span>{t('username')}</span>
          <input name="username" autoComplete="username" required />
        </label>
        <label className="signin-field">
          <span>{t('password')}</span>
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        {error && (
          <p className="signin-error" role="alert">
            {error}
          </p>
        )}
        <Button type="submit" variant="primary" disabled={submitting}>
          {submitting ? t('signingIn') : t('signIn')}
        </Button>
      </form>
    </main>
  );
}
