import { appTitleFor, PROTOCOL_VERSION } from '@mosaic/build-kit';
import { ErrorPanel } from '@mosaic/shared-components';
import { useLocale } from '../i18n/locale-context.js';
import type { MessageKey } from '../i18n/messages.js';
import type { ClientErrorKind } from '../report/report-client-error.js';
import type { AppEntry } from '../session/session-api.js';
import { describeAppFailure } from './describe-app-failure.js';
import type { AppFailure } from './describe-app-failure.js';

export interface AppFailurePanelProps {
  app: AppEntry;
  error: unknown;
  /** Where in the app's life it failed. */
  kind: ClientErrorKind;
  /** The id support finds the failure under (the response's, or the report's). */
  requestId?: string;
  /** Offered unless only the app's team can fix the failure. */
  onRetry?: () => void;
}

const WORDS: Record<AppFailure, { title: MessageKey; body: MessageKey }> = {
  outdated: { title: 'appOutdated', body: 'appOutdatedBody' },
  download: { title: 'appDownloadFailed', body: 'appDownloadFailedBody' },
  start: { title: 'appFailed', body: 'appFailedBody' },
  crash: { title: 'appCrashed', body: 'appCrashedBody' },
};

/**
 * An app's failure in words a shop owner reads, in the frame's language: which app, what to
 * do, and the request id. The technical message stays in the console and the error report.
 */
export function AppFailurePanel({
  app,
  error,
  kind,
  requestId,
  onRetry,
}: AppFailurePanelProps): React.JSX.Element {
  const { locale, t } = useLocale();
  const failure = describeAppFailure(error, kind);
  const values = {
    app: appTitleFor(app, locale),
    appProtocol: app.protocol,
    shellProtocol: PROTOCOL_VERSION,
  };
  return (
    <ErrorPanel
      title={t(WORDS[failure].title, values)}
      message={t(WORDS[failure].body, values)}
      requestId={requestId}
      onRetry={failure === 'outdated' ? undefined : onRetry}
    />
  );
}
