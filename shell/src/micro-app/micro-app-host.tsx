import {
  isProtocolCompatible,
  microAppGlobalName,
  protocolMajor,
  PROTOCOL_VERSION,
} from '@mosaic/build-kit';
import type { MicroAppProps } from '@mosaic/build-kit';
import { ErrorPanel, Spinner } from '@mosaic/shared-components';
import { loadMicroApp } from 'qiankun';
import type { FrameworkConfiguration } from 'qiankun';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { messageHub } from '../bus/message-hub.js';
import { graphqlClient } from '../graphql-client.js';
import type { AppEntry, Session } from '../session/session-api.js';
import { requestIdOf, ShellError, ShellErrorCode } from '../shell-error.js';
import { createHostContext } from './create-host-context.js';
import { makeAssetFetch } from './make-asset-fetch.js';
import { withRetryQuery } from './with-retry-query.js';

export interface MicroAppHostProps {
  app: AppEntry;
  session: Session;
}

type TemplateResult = Parameters<NonNullable<FrameworkConfiguration['postProcessTemplate']>>[0];

type HostState =
  { status: 'loading' } | { status: 'mounted' } | { status: 'error'; error: unknown };

/**
 * Loads `app` with qiankun into its own container and mounts it with the Mosaic
 * context. Any failure (fetch, missing lifecycles, a throwing mount) becomes an
 * error panel with a retry in the app's area; the rest of the shell keeps working.
 */
export function MicroAppHost({ app, session }: MicroAppHostProps): React.JSX.Element {
  const containerRef = useRef<HTMLDivElement>(null);
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<HostState>({ status: 'loading' });
  const navigate = useNavigate();
  // The app keeps the navigate it got at mount; route it through a ref so it never goes stale.
  const navigateRef = useRef(navigate);
  navigateRef.current = navigate;
  const sessionRef = useRef(session);
  sessionRef.current = session;

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    setState({ status: 'loading' });
    if (!isProtocolCompatible(app.protocol)) {
      setState({
        status: 'error',
        error: new ShellError(
          ShellErrorCode.PROTOCOL_MISMATCH,
          `应用 '${app.name}' ${app.version} 使用协议 ${app.protocol}，本系统只支持协议 ${PROTOCOL_VERSION}。` +
            `App '${app.name}' ${app.version} speaks protocol ${app.protocol}, this shell speaks ${PROTOCOL_VERSION}: ` +
            `rebuild it with build-kit ${protocolMajor(PROTOCOL_VERSION)}.x and publish it again`,
        ),
      });
      return;
    }

    let active = true;
    // Everything the app registers on the bus goes when it unmounts, whatever it forgot.
    const bus = messageHub.scope(app.name);
    const props: MicroAppProps = {
      mosaic: createHostContext({
        app,
        session: sessionRef.current,
        graphql: graphqlClient,
        navigate: (path) => navigateRef.current(path),
        bus,
      }),
    };
    const microApp = loadMicroApp(
      {
        // Must equal the UMD global the build-kit preset gives the bundle: qiankun falls back to window[name].
        name: microAppGlobalName(app.name),
        entry: withRetryQuery(app.entry, attempt),
        container,
        props,
      },
      {
        sandbox: true,
        fetch: makeAssetFetch(app.name),
        postProcessTemplate: (tpl: TemplateResult): TemplateResult => ({
          ...tpl,
          scripts: tpl.scripts.map((s) =>
            typeof s === 'string'
              ? withRetryQuery(s, attempt)
              : { ...s, src: withRetryQuery(s.src, attempt) },
          ),
          styles: tpl.styles.map((s) => withRetryQuery(s, attempt)),
          entry:
            typeof tpl.entry === 'string'
              ? withRetryQuery(tpl.entry, attempt)
              : { ...tpl.entry, src: withRetryQuery(tpl.entry.src, attempt) },
        }),
      },
    );
    // The same failure also rejects these; mountPromise below is where it is handled.
    microApp.loadPromise.catch(() => undefined);
    microApp.bootstrapPromise.catch(() => undefined);
    microApp.mountPromise.then(
      () => {
        if (active) setState({ status: 'mounted' });
      },
      (error: unknown) => {
        bus.dispose();
        console.error(`[mosaic] app '${app.name}' failed to load or mount`, error);
        if (active) setState({ status: 'error', error });
      },
    );

    return () => {
      active = false;
      // Unmount only what actually mounted; a failed parcel has nothing to tear down.
      microApp.mountPromise
        .then(
          () => microApp.unmount(),
          () => undefined,
        )
        .catch((error: unknown) =>
          console.error(`[mosaic] app '${app.name}' failed to unmount`, error),
        )
        .finally(() => bus.dispose());
    };
  }, [app, attempt]);

  return (
    <div className="shell-app-area">
      {state.status === 'loading' && <Spinner label={`正在加载 ${app.title}… Loading`} />}
      {state.status === 'error' && (
        <ErrorPanel
          title={`${app.title} 加载失败 · App failed to load`}
          message={state.error instanceof Error ? state.error.message : String(state.error)}
          requestId={requestIdOf(state.error)}
          onRetry={() => setAttempt((n) => n + 1)}
        />
      )}
      {/* A fresh container per attempt: qiankun leaves a failed app's template behind. */}
      <div
        key={attempt}
        ref={containerRef}
        className="shell-app-container"
        data-app={app.name}
        hidden={state.status === 'error'}
      />
    </div>
  );
}
