import { useCallback, useEffect, useState } from 'react';

/** The path inside an app mounted at `basePath`: '/sales/orders/7' under '/sales' → '/orders/7'. */
export function pathInApp(basePath: string, pathname: string): string {
  const base = basePath.replace(/\/+$/, '');
  if (base === '') return pathname || '/';
  if (pathname === base) return '/';
  return pathname.startsWith(`${base}/`) ? pathname.slice(base.length) : '/';
}

/** Whether `pathname` is at or under `basePath` (a root base path owns every path). */
export function ownsPath(basePath: string, pathname: string): boolean {
  const base = basePath.replace(/\/+$/, '');
  return base === '' || pathname === base || pathname.startsWith(`${base}/`);
}

/**
 * Where the shell says its router is: the mount context's bus, whose sticky
 * `route.changed` topic the shell publishes on every move. Typed structurally so the
 * kit does not depend on build-kit; `ctx.bus` fits.
 */
export interface AppRouteSource {
  subscribe(topic: 'route.changed', handler: (payload: { path: string }) => void): () => void;
}

export interface UseAppRouteResult {
  /** Where the app is, relative to its base path, always starting with '/'. */
  path: string;
  /** Go to a path relative to the base path, through the shell's router. */
  go: (path: string) => void;
}

/**
 * A sub-app's own routes, kept in the shell's address bar: `go()` moves the shell with
 * `navigate` (the protocol's rule: never `history.pushState` yourself). Moves the app did
 * not make — the shell's nav entry for this app, another app's `nav.request` — arrive as
 * `route.changed` on `bus`; back and forward are also followed through `popstate` (which
 * is all a standalone app has). Paths outside the base path are ignored: they belong to
 * the app that is about to replace this one.
 */
export function useAppRoute(
  basePath: string,
  navigate: (path: string) => void,
  bus?: AppRouteSource,
): UseAppRouteResult {
  const [path, setPath] = useState(() => pathInApp(basePath, window.location.pathname));

  useEffect(() => {
    const follow = (pathname: string): void => {
      if (ownsPath(basePath, pathname)) setPath(pathInApp(basePath, pathname));
    };
    const onPopState = (): void => follow(window.location.pathname);
    window.addEventListener('popstate', onPopState);
    const off = bus?.subscribe('route.changed', ({ path: next }) => follow(next));
    return () => {
      window.removeEventListener('popstate', onPopState);
      off?.();
    };
  }, [basePath, bus]);

  const go = useCallback(
    (next: string) => {
      setPath(next);
      navigate(`${basePath.replace(/\/+$/, '')}${next === '/' ? '' : next}` || '/');
    },
    [basePath, navigate],
  );
  return { path, go };
}
