import { Button } from '../button/button.js';
import { useT } from '../i18n/i18n.js';

export interface ErrorPanelProps {
  /** Short headline, e.g. '库存加载失败'. */
  title: string;
  /** What went wrong, in words the user can act on. */
  message?: string;
  /** Request id to quote to support; links the screen to the BFF log line. */
  requestId?: string;
  /** Shows a retry button when set. */
  onRetry?: () => void;
  /**
   * Label of the retry button.
   * @default '重试' ('Retry' in English)
   */
  retryLabel?: string;
}

/** A failure in place of content: message, request id and a way to try again. */
export function ErrorPanel({
  title,
  message,
  requestId,
  onRetry,
  retryLabel,
}: ErrorPanelProps): React.JSX.Element {
  const t = useT();
  return (
    <section className="mosaic-error-panel" role="alert" data-testid="error-panel">
      <h2 className="mosaic-error-panel__title">{title}</h2>
      {message && <p className="mosaic-error-panel__message">{message}</p>}
      {requestId && (
        <p className="mosaic-error-panel__request-id">
          {t('kit.requestId')}: <code>{requestId}</code>
        </p>
      )}
      {onRetry && (
        <Button variant="primary" onClick={onRetry}>
          {retryLabel ?? t('kit.retry')}
        </Button>
      )}
    </section>
  );
}
