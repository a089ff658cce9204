import { useLocale } from '../i18n/locale-context.js';
import type { Session } from '../session/session-api.js';
import { UserMenu } from './user-menu.js';

/** Skip link, brand, tenant name and the user menu (language, sign-out). */
export function FrameHeader({ session }: { session: Session }): React.JSX.Element {
  const { t } = useLocale();
  return (
    <header className="shell-header">
      <a className="shell-skip" href="#mosaic-main">
        {t('skipToContent')}
      </a>
      <span className="shell-brand">Mosaic</span>
      <span className="shell-tenant" data-testid="tenant-name">
        {session.tenant.name}
      </span>
      <UserMenu session={session} />
    </header>
  );
}
