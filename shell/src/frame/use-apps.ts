import { useCallback, useEffect, useState } from 'react';
import { listApps } from '../session/session-api.js';
import type { AppEntry } from '../session/session-api.js';

export type AppsState =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; apps: AppEntry[] };

/** GET /api/apps for the signed-in user, in the order the BFF gives. */
export function useApps(sessionKey: string): { state: AppsState; retry: () => void } {
  const [state, setState] = useState<AppsState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    setState({ status: 'loading' });
    listApps().then(
      (apps) => {
        if (!cancelled) setState({ status: 'ready', apps });
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
  return { state, retry };
}
