import {
  appTitleFor,
  isProtocolCompatible,
  protocolAtLeast,
  microAppGlobalName,
  protocolMajor,
  PROTOCOL_VERSION,
} from '@mosaic/build-kit';
import type { MicroAppProps } from '@mosaic/build-kit';
import type * as qiankun from 'qiankun';
import type { FrameworkConfiguration, MicroApp } from 'qiankun';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import { messageHub } from '../bus/message-hub.js';
import { graphqlClient } from '../graphql-client.js';
import { useLocale } from '../i18n/locale-context.js';
import { reportClientError } from '../report/report-client-error.js';
import type { ClientErrorKind } from '../report/report-client-error.js';
import type { AppEntry, Session } from '../session/session-api.js';
import { requestIdOf, ShellError, ShellErrorCode } from '../shell-error.js';
import { guardAppDocument } from '../isolation/guard-app-document.js';
import type { AppDocumentGuard } from '../isolation/guard-app-document.js';
import { AppFailurePanel } from './app-failure-panel.js';
import { AppSkeleton } from './app-skeleton.js';
import { createHostContext } from './create-host-context.js';
import { entryOf } from './entry-of.js';
import { makeAssetFetch } from './make-asset-fetch.js';
import { assetBaseOf, watchAppErrors } from './watch-app-errors.js';
import { warmSandboxGlobals } from './warm-sandbox-globals.js';
import { withRetryQuery } from './with-retry-query.js';
import { loadGeneration, markLoadFailed, qiankunNameFor } from './load-generation.js';
import { loadKeyOf } from '../keep-alive/kept-apps.js';

export interface MicroAppHostProps {
  app: AppEntry;
  session: Session;
  /** Called once the app has mounted (the frame then prefetches the others). */
  onMounted?: (app: AppEntry) => void;
  /**
   * Asks `/api/apps` again; Retry awaits it before loading, since a fixed version may be out
   * (a new version comes back as a new `app` and the frame remounts the host).
   */
  reloadApps?: () => Promise<void>;
  /**
   * Whether the app is on screen. A kept-alive app is hidden, not unmounted: its DOM, state and
   * scroll position stay, it hears `deactivate` / `activate` (protocol 1.6), its `document`
   * listeners and body nodes are set aside while hidden. @default true
   */
  active?: boolean;
  /** Called when the app fails (after it is reported); a failing canary then gives way to stable. */
  onFailed?: (app: AppEntry, kind: ClientErrorKind) => void;
}

type QiankunModule = typeof qiankun;

type TemplateResult = Parameters<NonNullable<FrameworkConfiguration['postProcessTemplate']>>[0];

type HostState =
  | { status: 'loading' }
  | { status: 'mounted' }
  | { status: 'error'; error: unknown; kind: ClientErrorKind; reportId?: string };

function protocolError(app: AppEntry): ShellError {
  return new ShellError(
    ShellErrorCode.PROTOCOL_MISMATCH,
    `app '${app.name}' ${app.version} speaks protocol ${app.protocol}, this shell speaks ${PROTOCOL_VERSION}: ` +
      `rebuild it with build-kit ${protocolMajor(PROTOCOL_VERSION)}.x and publish it again`,
  );
}

/**
 * Loads `app` with qiankun into its own container and mounts it with the Mosaic context.
 * Any failure (fetch, missing lifecycles, a throwing mount, an uncaught error later) becomes
 * a panel in the app's area that says, in the frame's language, which app failed, what to do
 * and the request id, and is reported to the BFF; the rest of the shell keeps working.
 */
export function MicroAppHost({
  app,
  session,
  onMounted,
  reloadApps,
  onFailed,
  active = true,
}: MicroAppHostProps): React.JSX.Element {
  const containerRef = useRef<HTMLDivElement>(null);
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<HostState>({ status: 'loading' });
  const [, navigate] = useLocation();
  const { locale, t } = useLocale();
  // The app keeps what it got at mount; route these through refs so they never go stale.
  const navigateRef = useRef(navigate);
  navigateRef.current = navigate;
  const sessionRef = useRef(session);
  sessionRef.current = session;
  const localeRef = useRef(locale);
  localeRef.current = locale;
  const onMountedRef = useRef(onMounted);
  onMountedRef.current = onMounted;
  const onFailedRef = useRef(onFailed);
  onFailedRef.current = onFailed;
  const activeRef = useRef(active);
  activeRef.current = active;
  const microAppRef = useRef<{
    parcel: MicroApp;
    props: MicroAppProps;
    guard: AppDocumentGuard;
  } | null>(null);
  // A re-fetched /api/apps hands an equal entry as a new object: only a new load key reloads.
  const appRef = useRef(app);
  appRef.current = app;
  const loadKey = loadKeyOf(app);

  useEffect(() => {
    const container = containerRef.current;
    const app = appRef.current;
    if (!container) return;
    setState({ status: 'loading' });
    let active = true;
    const generation = loadGeneration(app.name);
    const fail = (kind: ClientErrorKind, error: unknown): void => {
      console.error(`[mosaic] app '${app.name}' failed (${kind})`, error);
      markLoadFailed(app.name, generation);
      if (!active) return;
      setState({ status: 'error', error, kind });
      void reportClientError({ kind, error, app: app.name, appVersion: app.version }).then(
        (reportId) => {
          if (active && reportId) setState({ status: 'error', error, kind, reportId });
        },
      );
      onFailedRef.current?.(app, kind);
    };
    if (!isProtocolCompatible(app.protocol)) {
      fail('load', protocolError(app));
      return () => {
        active = false;
      };
    }

    const started = performance.now();
    // Everything the app registers on the bus goes when it unmounts, whatever it forgot.
    const bus = messageHub.scope(app.name);
    const assetBase = assetBaseOf(app.override ?? app.entry);
    // What the app adds to the document (styles, listeners, body nodes) goes at unmount too.
    let guard: AppDocumentGuard | undefined;
    const dispose = (): void => {
      bus.dispose();
      guard?.release();
    };
    const props: MicroAppProps = {
      mosaic: createHostContext({
        app,
        session: sessionRef.current,
        locale: localeRef.current,
        active: activeRef.current,
        graphql: graphqlClient,
        navigate: (path) => navigateRef.current(path),
        bus,
      }),
    };
    const retry = (url: string): string => withRetryQuery(url, generation);
    let microApp: MicroApp | undefined;
    let unwatch = (): void => undefined;
    // qiankun is loaded on first use, so the sign-in page never downloads it.
    const start = ({ loadMicroApp }: QiankunModule): void => {
      if (!active) {
        dispose();
        return;
      }
      const appGuard = guardAppDocument({ name: app.name, assetBase });
      guard = appGuard;
      const parcel = loadMicroApp(
        {
          // Must equal the UMD global the build-kit preset gives the bundle: qiankun falls back to window[name].
          name: qiankunNameFor(microAppGlobalName(app.name), generation),
          entry: retry(entryOf(app)),
          container,
          props,
        },
        {
          sandbox: true,
          fetch: makeAssetFetch(app.name),
          postProcessTemplate: (tpl: TemplateResult): TemplateResult => ({
            ...tpl,
            scripts: tpl.scripts.map((s) =>
              typeof s === 'string' ? retry(s) : { ...s, src: retry(s.src) },
            ),
            styles: tpl.styles.map(retry),
            entry:
              typeof tpl.entry === 'string'
                ? retry(tpl.entry)
                : { ...tpl.entry, src: retry(tpl.entry.src) },
          }),
        },
      );
      microApp = parcel;
      microAppRef.current = { parcel, props, guard: appGuard };
      let loaded = false;
      parcel.loadPromise.then(
        () => (loaded = true),
        () => undefined,
      );
      // The same failure also rejects this; mountPromise below is where it is handled.
      parcel.bootstrapPromise.catch(() => undefined);
      parcel.mountPromise.then(
        () => {
          if (!active) return;
          performance.measure(`mosaic:mount:${app.name}`, { start: started });
          setState({ status: 'mounted' });
          guard?.restoreKept();
          onMountedRef.current?.(app);
          unwatch = watchAppErrors(assetBase, (error) => {
            unwatch();
            // A crashed app is taken down so it cannot keep half-working; a retry mounts it afresh.
            void parcel
              .unmount()
              .catch(() => undefined)
              .finally(() => guard?.release());
            fail('runtime', error);
          });
        },
        (error: unknown) => {
          dispose();
          fail(loaded ? 'mount' : 'load', error);
        },
      );
    };
    // The sandbox qiankun makes reads every descriptor of window: once the warm-up has read them
    // in short tasks, that read is ~1 ms instead of one long task (warm-sandbox-globals.ts).
    Promise.all([import('qiankun'), warmSandboxGlobals()]).then(
      ([module]) => start(module),
      (error: unknown) => {
        dispose();
        fail('load', error);
      },
    );

    return () => {
      active = false;
      unwatch();
      microAppRef.current = null;
      const parcel = microApp;
      if (!parcel) return; // start() sees `active` false and disposes the bus
      // Unmount only what actually mounted; a failed parcel has nothing to tear down.
      parcel.mountPromise
        .then(
          () => (parcel.getStatus() === 'MOUNTED' ? parcel.unmount() : undefined),
          () => undefined,
        )
        .catch((error: unknown) =>
          console.error(`[mosaic] app '${app.name}' failed to unmount`, error),
        )
        .finally(dispose);
    };
  }, [loadKey, attempt]);

  // A new language reaches a mounted app through its `update` lifecycle, when it has one.
  useEffect(() => {
    const current = microAppRef.current;
    if (!current || state.status !== 'mounted' || current.props.mosaic.locale === locale) return;
    const props: MicroAppProps = { mosaic: { ...current.props.mosaic, locale } };
    current.props = props;
    current.parcel
      .update?.(props as unknown as Record<string, unknown>)
      ?.catch((error: unknown) =>
        console.error(`[mosaic] app '${app.name}' failed to update`, error),
      );
  }, [locale, state.status, app.name]);

  // Hidden and shown again (keep-alive): the app hears it, its document side effects pause.
  useEffect(() => {
    const current = microAppRef.current;
    if (!current || state.status !== 'mounted' || current.props.mosaic.active === active) return;
    if (active) current.guard.resume();
    else current.guard.suspend();
    const props: MicroAppProps = { mosaic: { ...current.props.mosaic, active } };
    current.props = props;
    if (!protocolAtLeast(app.protocol, '1.6')) return; // activate/deactivate came in 1.6
    current.parcel
      .update?.(props as unknown as Record<string, unknown>)
      ?.catch((error: unknown) =>
        console.error(
          `[mosaic] app '${app.name}' failed to ${active ? 'activate' : 'deactivate'}`,
          error,
        ),
      );
  }, [active, state.status, app.name, app.protocol]);

  // The page scrolls as a whole: where the user was in this app is put back when it shows again.
  // Read while rendering the switch, before the DOM changes and the browser clamps the scroll.
  const scrollRef = useRef(0);
  const wasActive = useRef(active);
  if (wasActive.current && !active) scrollRef.current = window.scrollY;
  wasActive.current = active;
  const shownBefore = useRef(false);
  useLayoutEffect(() => {
    if (!active) return;
    if (shownBefore.current) window.scrollTo(0, scrollRef.current);
    shownBefore.current = true;
  }, [active]);

  const [retrying, setRetrying] = useState(false);
  const retry = (): void => {
    setRetrying(true);
    setState({ status: 'loading' });
    (reloadApps?.() ?? Promise.resolve()).then(
      () => {
        setRetrying(false);
        setAttempt((n) => n + 1);
      },
      (error: unknown) => {
        console.error(`[mosaic] app '${app.name}': GET /api/apps failed on retry`, error);
        setRetrying(false);
        setState({ status: 'error', error, kind: 'load' });
      },
    );
  };

  return (
    <div className="shell-app-area" hidden={!active} data-kept-app={app.name}>
      {state.status === 'loading' && (
        <AppSkeleton label={t('loadingApp', { app: appTitleFor(app, locale) })} />
      )}
      {state.status === 'error' && (
        <AppFailurePanel
          app={app}
          error={state.error}
          kind={state.kind}
          requestId={requestIdOf(state.error) ?? state.reportId}
          onRetry={retry}
        />
      )}
      {/* A fresh container per attempt: qiankun leaves a failed app's template behind. */}
      <div
        key={attempt}
        ref={containerRef}
        className="shell-app-container"
        data-app={app.name}
        hidden={state.status === 'error' || retrying}
      />
      {/*
        The app's overlay layer (dialogs, toasts), inside its box: it carries the app's CSS
        scope, and the UI kit's Dialog and Toast render into it. Nodes an app leaves in
        document.body instead are removed when it unmounts.
      */}
      <div className="shell-app-portal" data-mosaic-portal={app.name} data-mosaic-app={app.name} />
    </div>
  );
}
