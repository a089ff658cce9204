import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'wouter';
import { useLocale } from '../i18n/locale-context.js';
import { ROLES_SETTINGS_PATH } from '../settings/roles-path.js';
import { LOCALE_LABELS, LOCALES } from '../i18n/messages.js';
import type { Session } from '../session/session-api.js';
import { useSession } from '../session/session-context.js';

/** The user's name as a disclosure button; inside, the language switch and sign-out. */
export function UserMenu({ session }: { session: Session }): React.JSX.Element {
  const { signOut } = useSession();
  const { locale, setLocale, t } = useLocale();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent): void => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  return (
    <div
      className="shell-user-menu"
      ref={rootRef}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          setOpen(false);
          buttonRef.current?.focus();
        }
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className="shell-user-button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={`${t('userMenu')}: ${session.user.displayName}`}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="shell-avatar" aria-hidden="true">
          {session.user.displayName.slice(0, 1)}
        </span>
        <span className="shell-user" data-testid="user-name">
          {session.user.displayName}
        </span>
      </button>
      {open && (
        <div className="shell-user-panel" id={panelId}>
          <label className="shell-language">
            <span>{t('language')}</span>
            <select
              value={locale}
              onChange={(event) => setLocale(event.target.value as (typeof LOCALES)[number])}
            >
              {LOCALES.map((id) => (
                <option key={id} value={id}>
                  {LOCALE_LABELS[id]}
                </option>
              ))}
            </select>
          </label>
          {session.user.roles.includes('owner') && (
            <Link
              className="shell-menu-link"
              href={ROLES_SETTINGS_PATH}
              data-testid="roles-settings-link"
              onClick={() => setOpen(false)}
            >
              {t('rolesSettings')}
            </Link>
          )}
          <button
            type="button"
            className="shell-signout"
            onClick={() =>
              void signOut().catch((error: unknown) =>
                console.error('[mosaic] sign-out failed', error),
              )
            }
          >
            {t('signOut')}
          </button>
        </div>
      )}
    </div>
  );
}
