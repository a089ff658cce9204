import { Button, Spinner } from '@mosaic/shared-components';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { requestIdOf, ShellError } from '../shell-error.js';
import { safeNextPath } from '../session/safe-next-path.js';
import { useSession } from '../session/session-context.js';

function describeError(error: unknown): string {
  if (error instanceof ShellError && error.status === 401) {
    return '租户、用户名或密码错误。Wrong tenant, username or password.';
  }
  if (error instanceof ShellError && error.status === 400) {
    return '请填写租户、用户名和密码。Fill in tenant, username and password.';
  }
  const requestId = requestIdOf(error);
  const detail = error instanceof Error ? error.message : String(error);
  return `登录失败，请稍后再试。Sign-in failed: ${detail}${requestId ? ` (request id ${requestId})` : ''}`;
}

/** 登录: tenant, username, password → POST /api/session. */
export function SignInPage(): React.JSX.Element {
  const { state, signIn } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  if (state.status === 'loading') return <Spinner />;
  if (state.status === 'signed-in' && !submitting) return <Navigate to={next} replace />;

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setError(null);
    setSubmitting(true);
    try {
      await signIn({
        tenant: String(form.get('tenant') ?? '').trim(),
        username: String(form.get('username') ?? '').trim(),
        password: String(form.get('password') ?? ''),
      });
      navigate(next, { replace: true });
    } catch (e) {
      setError(describeError(e));
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <main className="signin">
      <form className="signin-card" onSubmit={(e) => void onSubmit(e)} noValidate={false}>
        <h1 className="signin-title">
          Mosaic <span className="signin-subtitle">登录 · Sign in</span>
        </h1>
        <label className="signin-field">
          <span>
            租户 <small>Tenant</small>
          </span>
          <input name="tenant" autoComplete="organization" required placeholder="例如 xiaomai" />
        </label>
        <label className="signin-field">
          <span>
            用户名 <small>Username</small>
          </span>
          <input name="username" autoComplete="username" required />
        </label>
        <label className="signin-field">
          <span>
            密码 <small>Password</small>
          </span>
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        {error && (
          <p className="signin-error" role="alert">
            {error}
          </p>
        )}
        <Button type="submit" variant="primary" disabled={submitting}>
          {submitting ? '登录中… Signing in' : '登录 Sign in'}
        </Button>
      </form>
    </main>
  );
}
