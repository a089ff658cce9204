import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { getSession, signIn as postSession, signOut as deleteSession } from './session-api.js';
import type { Credentials, Session } from './session-api.js';
import { createSessionChannel } from './session-channel.js';
import type { SessionChannel } from './session-channel.js';
import { onSessionExpired } from './session-expiry.js';

/**
 * Why there is no session: the user signed out here (nowhere to return to), the session
 * expired, or they signed out in another tab (both of which keep the page to come back to).
 */
export type SignedOutReason = 'signed-out' | 'expired' | 'signed-out-elsewhere';

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous'; reason?: SignedOutReason }
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

/**
 * Restores the session from the cookie on load (GET /api/session), owns sign in/out, and
 * keeps every tab of this origin in step through a BroadcastChannel.
 */
export function SessionProvider({ children }: { children: ReactNode }): React.JSX.Element {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [channel, setChannel] = useState<SessionChannel | null>(null);

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

  useEffect(() => {
    const created = createSessionChannel((message) => {
      if (message.type === 'signed-out') {
        setState((s) =>
          s.status === 'signed-in' ? { status: 'anonymous', reason: 'signed-out-elsewhere' } : s,
        );
      } else {
        setState((s) => (s.status === 'signed-in' ? s : { status: 'loading' }));
        setAttempt((n) => n + 1);
      }
    });
    setChannel(created);
    return () => created.close();
  }, []);

  useEffect(
    () =>
      onSessionExpired(() =>
        setState((s) =>
          s.status === 'signed-in' ? { status: 'anonymous', reason: 'expired' } : s,
        ),
      ),
    [],
  );

  const signIn = useCallback(
    async (credentials: Credentials) => {
      const session = await postSession(credentials);
      setState({ status: 'signed-in', session });
      channel?.post({ type: 'signed-in' });
    },
    [channel],
  );

  const signOut = useCallback(async () => {
    try {
      await deleteSession();
    } finally {
      setState({ status: 'anonymous', reason: 'signed-out' });
      channel?.post({ type: 'signed-out' });
    }
  }, [channel]);

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
