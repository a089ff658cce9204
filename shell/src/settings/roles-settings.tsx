import type { RoleGrantList } from '@mosaic/contracts';
import { appTitleFor } from '@mosaic/build-kit';
import { EmptyState, ErrorPanel, I18nProvider, Spinner, useT } from '@mosaic/shared-components';
import { useCallback, useEffect, useState } from 'react';
import { useLocale } from '../i18n/locale-context.js';
import { requestIdOf } from '../shell-error.js';
import { fetchRoles, setGrant } from './roles-api.js';
import { rolesMessages, type RolesMessageKey } from './roles-messages.js';

const ROLE_LABELS: Record<string, RolesMessageKey> = {
  owner: 'roleOwner',
  clerk: 'roleClerk',
  keeper: 'roleKeeper',
};

type State =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; data: RoleGrantList };

interface Failure {
  role: string;
  app: string;
  message: string;
  requestId?: string;
}

/**
 * Roles × apps with a switch per cell: the owner grants and revokes (optimistic; a refusal puts
 * the switch back and says why, with the request id). The owner's row is fixed.
 */
export default function RolesSettings(): React.JSX.Element {
  const { locale } = useLocale();
  return (
    <I18nProvider locale={locale} messages={rolesMessages}>
      <RolesTable />
    </I18nProvider>
  );
}

function RolesTable(): React.JSX.Element {
  const { locale } = useLocale();
  const kitT = useT();
  const t = (
    key: RolesMessageKey | 'rolesSettings' | 'rolesLoading',
    values?: Record<string, string | number>,
  ): string => kitT(key, values);
  const [state, setState] = useState<State>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  const [failure, setFailure] = useState<Failure | null>(null);

  useEffect(() => {
    let cancelled = false;
    setState({ status: 'loading' });
    fetchRoles().then(
      (data) => !cancelled && setState({ status: 'ready', data }),
      (error: unknown) => !cancelled && setState({ status: 'error', error }),
    );
    return () => {
      cancelled = true;
    };
  }, [attempt]);

  const roleLabel = (role: string): string => {
    const key = ROLE_LABELS[role];
    return key ? t(key) : role;
  };

  const setApps = useCallback((role: string, update: (apps: string[]) => string[]) => {
    setState((now) =>
      now.status === 'ready'
        ? {
            ...now,
            data: {
              ...now.data,
              roles: now.data.roles.map((r) =>
                r.name === role ? { ...r, apps: update(r.apps) } : r,
              ),
            },
          }
        : now,
    );
  }, []);

  function toggle(role: string, app: string, open: boolean, appTitle: string): void {
    const key = `${role}/${app}`;
    setFailure(null);
    setPending((now) => new Set(now).add(key));
    // Optimistic: the switch moves at once and goes back if the BFF refuses.
    setApps(role, (apps) => (open ? [...apps, app] : apps.filter((name) => name !== app)));
    setGrant(role, app, open)
      .then(
        (apps) => setApps(role, () => apps),
        (error: unknown) => {
          setApps(role, (apps) => (open ? apps.filter((name) => name !== app) : [...apps, app]));
          setFailure({
            role,
            app,
            message: t('grantFailed', {
              role: roleLabel(role),
              app: appTitle,
              detail: error instanceof Error ? error.message : String(error),
            }),
            requestId: requestIdOf(error),
          });
        },
      )
      .finally(() =>
        setPending((now) => {
          const next = new Set(now);
          next.delete(key);
          return next;
        }),
      );
  }

  let body: React.ReactNode;
  if (state.status === 'loading') body = <Spinner label={t('rolesLoading')} />;
  else if (state.status === 'error') {
    body = (
      <ErrorPanel
        title={t('rolesFailed')}
        message={t('rolesFailedBody')}
        requestId={requestIdOf(state.error)}
        onRetry={() => setAttempt((n) => n + 1)}
      />
    );
  } else if (state.data.apps.length === 0) {
    body = <EmptyState title={t('rolesEmptyTitle')} description={t('rolesEmpty')} />;
  } else {
    const { roles, apps } = state.data;
    body = (
      <div className="shell-roles-scroll">
        <table className="shell-roles-table" data-testid="roles-table">
          <thead>
            <tr>
              <th scope="col">{t('roleColumn')}</th>
              {apps.map((app) => (
                <th scope="col" key={app.name}>
                  {appTitleFor(app, locale)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {roles.map((role) => (
              <tr key={role.name}>
                <th scope="row">{roleLabel(role.name)}</th>
                {apps.map((app) => {
                  const title = appTitleFor(app, locale);
                  const fixed = role.apps.includes('*');
                  const built = app.roles.includes(role.name);
                  const on = fixed || role.apps.includes(app.name);
                  const label = t('grantToggle', { role: roleLabel(role.name), app: title });
                  const saving = pending.has(`${role.name}/${app.name}`);
                  return (
                    <td key={app.name}>
                      <label
                        className="shell-grant"
                        title={
                          fixed
                            ? t('ownerAlways')
                            : built
                              ? undefined
                              : t('notBuiltForRole', { app: title })
                        }
                      >
                        <input
                          type="checkbox"
                          role="switch"
                          aria-label={label}
                          data-testid={`grant-${role.name}-${app.name}`}
                          checked={on}
                          disabled={fixed || (!built && !on) || saving}
                          aria-busy={saving || undefined}
                          onChange={(event) =>
                            toggle(role.name, app.name, event.target.checked, title)
                          }
                        />
                        <span className="shell-grant-track" aria-hidden="true" />
                      </label>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        <p className="shell-secondary shell-roles-note">{t('ownerAlways')}</p>
        <p className="shell-secondary shell-roles-note">{t('notBuiltLegend')}</p>
      </div>
    );
  }

  return (
    <section
      className="shell-roles"
      aria-labelledby="shell-roles-title"
      data-testid="roles-settings"
    >
      <h1 id="shell-roles-title">{t('rolesSettings')}</h1>
      <p className="shell-secondary">{t('rolesSettingsIntro')}</p>
      {failure && (
        <div className="shell-roles-error" role="alert" data-testid="grant-error">
          <p>{failure.message}</p>
          {failure.requestId && (
            <p className="shell-secondary">
              {t('requestIdLabel')}: <code>{failure.requestId}</code>
            </p>
          )}
        </div>
      )}
      {body}
    </section>
  );
}
