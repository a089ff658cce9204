import { useEffect, useRef } from 'react';
import { useLocation } from 'wouter';

/**
 * Least time between two checks of `/api/apps`, in ms. Each check is a conditional GET (the
 * BFF's ETag): a body-less 304 while nothing changed.
 */
export const REVALIDATE_INTERVAL_MS = 5000;

/**
 * Calls `revalidate` on a navigation (a change of path) when the last check — the page load
 * included — is at least `REVALIDATE_INTERVAL_MS` old; navigations closer together do not check.
 * This is how a release reaches an open tab without a reload.
 */
export function useRevalidateOnNavigate(revalidate: (() => void) | undefined): void {
  const [pathname] = useLocation();
  const lastCheck = useRef(Date.now());
  const first = useRef(true);
  // Only a new path checks; a new `revalidate` function alone does not.
  const revalidateRef = useRef(revalidate);
  revalidateRef.current = revalidate;
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const check = revalidateRef.current;
    if (!check || Date.now() - lastCheck.current < REVALIDATE_INTERVAL_MS) return;
    lastCheck.current = Date.now();
    check();
  }, [pathname]);
}
