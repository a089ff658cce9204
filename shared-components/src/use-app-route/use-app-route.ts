import { useCallback, useEffect, useState } from 'react';

/** The path inside an app mounted at `basePath`: '/sales/orders/7' under '/sales' → '/orders/7'. */
export function pathInApp(basePath: string, pathname: string): string {
  const base = basePath.replace(/\/+$/, '');
  if (base === '') return pathname || '/';
  if (pathname === base) return '/';
  return pathname.startsWith(`${base}/`) ? pathname.slice(base.length) : '/';
}

export interface UseAppRouteResult {
  /** Where the app is, relative to its base path, always starting with '/'. */
  path: string;
  /** Go to a path relative to the base path, through the shell's router. */
  go: (path: string) => void;
}

/**
 * A sub-app's own routes, kept in the shell's address bar: `go()` moves the shell with
 * `navigate` (the protocol's rule: never `history.pushState` yourself), back and forward
 * are followed through `popstate`.
 */
export function useAppRoute(basePath: string, navigate: (path: string) => void): UseAppRouteResult {
  const [path, setPath] = useState(() => pathInApp(basePath, window.location.pathname));

  useEffect(() => {
    const follow = (): void => setPath(pathInApp(basePath, window.location.pathname));
    window.addEventListener('popstate', follow);
    return () => window.removeEventListener('popstate', follow);
  }, [basePath]);

  const go = useCallback(
    (next: string) => {
      setPath(next);
      navigate(`${basePath.replace(/\/+$/, '')}${next === '/' ? '' : next}` || '/');
    },
    [basePath, navigate],
  );
  return { path, go };
}
