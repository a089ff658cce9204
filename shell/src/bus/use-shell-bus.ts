import { useEffect } from 'react';
import { useLocation } from 'wouter';
import type { Session } from '../session/session-api.js';
import { shellBus } from './message-hub.js';

/**
 * The shell's part of the bus protocol: keeps the sticky `session.changed` and
 * `route.changed` current and moves the router on `nav.request`.
 */
export function useShellBus(session: Session | null): void {
  const [pathname, navigate] = useLocation();

  useEffect(() => {
    shellBus.publish('session.changed', {
      tenant: session ? { ...session.tenant } : null,
      user: session ? { ...session.user, roles: [...session.user.roles] } : null,
    });
  }, [session]);

  // A mounted app is not remounted when the shell moves within it (its own nav entry,
  // back to its base path): this is how its sub-router hears about it.
  useEffect(() => {
    shellBus.publish('route.changed', { path: pathname });
  }, [pathname]);

  useEffect(
    () =>
      shellBus.subscribe('nav.request', ({ path, replace }) => {
        navigate(path, { replace: replace ?? false });
      }),
    [navigate],
  );
}
