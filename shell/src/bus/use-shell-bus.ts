import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import type { Session } from '../session/session-api.js';
import { shellBus } from './message-hub.js';

/**
 * The shell's part of the bus protocol: keeps the sticky `session.changed` current
 * and moves the router on `nav.request`.
 */
export function useShellBus(session: Session | null): void {
  const navigate = useNavigate();

  useEffect(() => {
    shellBus.publish('session.changed', {
      tenant: session ? { ...session.tenant } : null,
      user: session ? { ...session.user, roles: [...session.user.roles] } : null,
    });
  }, [session]);

  useEffect(
    () =>
      shellBus.subscribe('nav.request', ({ path, replace }) => {
        navigate(path, { replace: replace ?? false });
      }),
    [navigate],
  );
}
