import type { DeniedApp } from '@mosaic/contracts';
import { appTitleFor } from '@mosaic/build-kit';
import { Link } from 'wouter';
import { useLocale } from '../i18n/locale-context.js';

/** An app of this tenant the user's role may not open: who can grant it, not a not-found. */
export function RoleDenied({ app }: { app: DeniedApp }): React.JSX.Element {
  const { locale, t } = useLocale();
  const title = appTitleFor(app, locale);
  return (
    <div className="shell-not-found" data-testid="role-denied">
      <p className="shell-not-found-code" aria-hidden="true">
        403
      </p>
      <h1>{t('roleDeniedTitle', { app: title })}</h1>
      <p>{t('roleDeniedBody', { app: title })}</p>
      <Link href="/">{t('backHome')}</Link>
    </div>
  );
}
