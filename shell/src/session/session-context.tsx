import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { getSession, signIn as postSession, signOut as deleteSession } from './session-api.js';
import type { Credentials, Session } from './session-api.js';

export type SessionState =
  | { status: 'loading' }
  /** `signedOut`: the user just signed out, so there is no page to come back to. */
  | { status: 'anonymous'; signedOut?: boolean }
  | { status: 'error'; error: unknown }
  | { status: 'signed-in'; session: Session };

export interface SessionContextValue {
  state: SessionState;
  /** Throws the BFF's error (e.g. 401 INVALID_CREDENTIALS) so the form can show it. */
  signIn(credentials: Credentials): Promise<void>;
  signOut(): Promise<void>;
  /** Asks the BFF again who is signed in (after an error). */
  reload(): void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

/** Restores the session from the cookie on load (GET /api/session) and owns sign in/out. */
export function SessionProvider({ children }: { children: ReactNode }): React.JSX.Element {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    setState({ status: 'loading' });
    getSession().then(
      (session) => {
        if (!cancelled)
          setState(session ? { status: 'signed-in', session } : { status: 'anonymous' });
      },
      (error: unknown) => {
        if (!cancelled) setState({ status: 'error', error });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [attempt]);

  const signIn = useCallback(async (credentials: Credentials) => {
    const session = await postSession(credentials);
    setState({ status: 'signed-in', session });
  }, []);

  const signOut = useCallback(async () => {
    try {
      await deleteSession();
    } finally {
      setState({ status: 'anonymous', signedOut: true });
    }
  }, []);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  const value = useMemo(
    () => ({ state, signIn, signOut, reload }),
    [state, signIn, signOut, reload],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession() must be used inside <SessionProvider>');
  return value;
}
