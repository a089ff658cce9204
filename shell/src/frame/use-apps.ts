import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { isLocalDevUrl, readOverrides } from '../dev-override/override-store.js';
import { resolveOverrides } from '../dev-override/resolve-overrides.js';
import type { OverrideStatus } from '../dev-override/resolve-overrides.js';
import { listApps, parseApps } from '../session/session-api.js';
import type { AppEntry } from '../session/session-api.js';
import type { DeniedApp } from '@mosaic/contracts';
import type { CanaryFallback } from './use-canary-fallback.js';
import { useCanaryFallback } from './use-canary-fallback.js';
import { useRevalidateOnNavigate } from './use-revalidate-on-navigate.js';
import { warmAppEntry } from '../micro-app/early-assets.js';
import { entryOf } from '../micro-app/entry-of.js';
import { findAppForPath } from '../micro-app/find-app-for-path.js';

export type AppsState =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | {
      status: 'ready';
      apps: AppEntry[];
      /** Apps this user's role may not open: their routes say so instead of a not-found. */
      denied: DeniedApp[];
      overrides: OverrideStatus[];
      /** Developer tools (overrides, the compose view) are allowed here. */
      devTools: boolean;
    };

async function loadApps(
  roles: readonly string[],
): Promise<Extract<AppsState, { status: 'ready' }>> {
  const { apps, devOverrides, denied } = await listApps();
  // Until the BFF says, only a shell served from this machine honours overrides.
  const devTools = devOverrides ?? isLocalDevUrl(window.location.href);
  if (!devTools) {
    warmFirstApp(apps);
    return { status: 'ready', apps, denied, overrides: [], devTools };
  }
  const resolved = await resolveOverrides(apps, readOverrides(), { roles, denied });
  warmFirstApp(resolved.apps);
  return { status: 'ready', ...resolved, denied, devTools };
}

/** Start fetching the files of the app this page opens (see early-assets.ts); once a page. */
function warmFirstApp(apps: readonly AppEntry[]): void {
  const app = findAppForPath(apps, window.location.pathname) ?? apps[0];
  if (app && !app.override) warmAppEntry(entryOf(app));
}

/**
 * The same, from the app list the page came with (the BFF's boot data), as the shell's script
 * starts: the first app's files download while React renders the frame. Not when a developer
 * override may replace the app (that is known only once overrides are resolved), and a bad
 * list is left for `listApps` to report.
 */
export function warmFirstListedApp(appList: unknown): void {
  if (Object.keys(readOverrides()).length > 0) return;
  try {
    warmFirstApp(parseApps(appList));
  } catch {
    // listApps reports it
  }
}

const NO_APPS: AppEntry[] = [];

export interface UseAppsResult {
  state: AppsState;
  /** Starts over: the spinner shows until the list is back. */
  retry: () => void;
  /**
   * Asks again while the current list stays on screen; resolves once the new list is in
   * state, rejects (leaving the list as it was) when it could not be fetched.
   */
  reload: () => Promise<void>;
  /** Pass to each MicroAppHost's `onFailed`: a failing canary gives way to stable (see use-canary-fallback.ts). */
  onAppFailed: CanaryFallback['onAppFailed'];
}

/** GET /api/apps for the signed-in user, in the order the BFF gives, with dev overrides applied. */
export function useApps(sessionKey: string, roles: readonly string[]): UseAppsResult {
  // The roles change only with the session (sessionKey); a ref keeps the callbacks stable.
  const rolesRef = useRef(roles);
  rolesRef.current = roles;
  const [state, setState] = useState<AppsState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    setState({ status: 'loading' });
    loadApps(rolesRef.current).then(
      (ready) => {
        if (!cancelled) setState(ready);
      },
      (error: unknown) => {
        if (!cancelled) setState({ status: 'error', error });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [sessionKey, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const reload = useCallback(async () => setState(await loadApps(rolesRef.current)), []);
  // A release reaches this tab on a later navigation: an app whose version changed remounts at
  // the new one (the frame keys each host by name@version); an unchanged list changes nothing.
  const revalidate = useCallback(() => {
    loadApps(rolesRef.current).then(
      (next) =>
        setState((now) =>
          now.status === 'ready' && JSON.stringify(now) === JSON.stringify(next) ? now : next,
        ),
      (error: unknown) => console.warn('[mosaic] GET /api/apps failed on navigation', error),
    );
  }, []);
  useRevalidateOnNavigate(state.status === 'ready' ? revalidate : undefined);
  const fallback = useCanaryFallback(state.status === 'ready' ? state.apps : NO_APPS);
  const shown = useMemo(
    () => (state.status === 'ready' ? { ...state, apps: fallback.apps } : state),
    [state, fallback.apps],
  );
  return { state: shown, retry, reload, onAppFailed: fallback.onAppFailed };
}
