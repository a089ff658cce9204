import type { ReactNode } from 'react';
import { useT } from '../i18n/i18n.js';

export interface ForbiddenStateProps {
  /** @default '没有权限' */
  title?: string;
  /** @default '你的角色不能查看这里。如需访问，请联系店主。' */
  description?: string;
  /** Request id of the refused call, when there was one. */
  requestId?: string;
  /** e.g. a Button back to a page the user may see. */
  action?: ReactNode;
}

/** Where the signed-in user's role may not go (a clerk on stock adjustments): not an error. */
export function ForbiddenState({
  title,
  description,
  requestId,
  action,
}: ForbiddenStateProps): React.JSX.Element {
  const t = useT();
  return (
    <section className="mosaic-empty-state mosaic-forbidden-state" data-testid="forbidden">
      <span className="mosaic-forbidden-state__icon" aria-hidden="true">
        🔒
      </span>
      <h2 className="mosaic-empty-state__title">{title ?? t('kit.forbidden.title')}</h2>
      <p className="mosaic-empty-state__description">
        {description ?? t('kit.forbidden.description')}
      </p>
      {requestId && (
        <p className="mosaic-error-panel__request-id">
          {t('kit.requestId')}: <code>{requestId}</code>
        </p>
      )}
      {action}
    </section>
  );
}
