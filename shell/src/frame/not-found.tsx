import { Link } from 'wouter';
import { useLocale } from '../i18n/locale-context.js';

/** An address no app owns, shown inside the frame so the nav stays at hand. */
export function NotFound({ pathname }: { pathname: string }): React.JSX.Element {
  const { t } = useLocale();
  return (
    <div className="shell-not-found" data-testid="not-found">
      <p className="shell-not-found-code" aria-hidden="true">
        404
      </p>
      <h1>{t('notFoundTitle')}</h1>
      <p>{t('notFoundBody', { path: pathname })}</p>
      <Link href="/">{t('backHome')}</Link>
    </div>
  );
}
