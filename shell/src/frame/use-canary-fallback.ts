import { appTitleFor } from '@mosaic/build-kit';
import { useCallback, useMemo, useState } from 'react';
import { shellBus } from '../bus/message-hub.js';
import { useLocale } from '../i18n/locale-context.js';
import type { ClientErrorKind } from '../report/report-client-error.js';
import type { AppEntry } from '../session/session-api.js';

export interface CanaryFallback {
  /** The apps, with every canary that failed here replaced by its stable version. */
  apps: AppEntry[];
  /**
   * Tell it an app failed; a canary that failed to load or mount gives way to its stable
   * version at once (the host reports the failure itself, which counts towards suspension).
   */
  onAppFailed: (app: AppEntry, kind: ClientErrorKind) => void;
}

/** The entry of the stable version behind a canary entry. */
export function stableOf(app: AppEntry): AppEntry {
  const { fallback, ...rest } = app;
  if (!fallback) return app;
  const { shared: _canaryShared, ...withoutShared } = rest;
  return {
    ...withoutShared,
    version: fallback.version,
    entry: fallback.entry,
    protocol: fallback.protocol,
    ...(fallback.shared && { shared: fallback.shared }),
  };
}

/**
 * Automatic canary fallback: once a canary version fails to load or mount in this tab, this
 * user gets the stable version of that app (`fallback` in `/api/apps`) for as long as the BFF
 * keeps serving that canary, and a brief notice in the frame's language. A developer's
 * override is never replaced.
 */
export function useCanaryFallback(apps: readonly AppEntry[]): CanaryFallback {
  const { locale, t } = useLocale();
  // `name@version` of canaries that failed in this tab.
  const [failed, setFailed] = useState<ReadonlySet<string>>(() => new Set());

  const onAppFailed = useCallback(
    (app: AppEntry, kind: ClientErrorKind) => {
      if (!app.fallback || app.override || (kind !== 'load' && kind !== 'mount')) return;
      const key = `${app.name}@${app.version}`;
      setFailed((now) => (now.has(key) ? now : new Set(now).add(key)));
      shellBus.publish('toast.show', {
        message: t('canaryFellBack', {
          app: appTitleFor(app, locale),
          version: app.fallback.version,
        }),
        tone: 'warning',
        durationMs: 8000,
      });
    },
    [locale, t],
  );

  const swapped = useMemo(
    () =>
      apps.map((app) =>
        app.fallback && !app.override && failed.has(`${app.name}@${app.version}`)
          ? stableOf(app)
          : app,
      ),
    [apps, failed],
  );
  return { apps: swapped, onAppFailed };
}
