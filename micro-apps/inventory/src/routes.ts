/** Inventory's screens, from the path inside the app (after ctx.basePath). */
export type Route =
  | { name: 'list' }
  | { name: 'new' }
  | { name: 'detail'; id: string }
  | { name: 'edit'; id: string }
  | { name: 'activity' }
  | { name: 'not-found' };

export function matchRoute(path: string): Route {
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0 || (parts.length === 1 && parts[0] === 'products'))
    return { name: 'list' };
  if (parts.length === 1 && parts[0] === 'activity') return { name: 'activity' };
  if (parts[0] !== 'products') return { name: 'not-found' };
  const [, id, action] = parts;
  if (parts.length === 2 && id === 'new') return { name: 'new' };
  if (parts.length === 2 && id) return { name: 'detail', id };
  if (parts.length === 3 && id && action === 'edit') return { name: 'edit', id };
  return { name: 'not-found' };
}

/** The in-app path of a product's detail page. */
export function productPath(id: string, action?: 'edit'): string {
  return `/products/${encodeURIComponent(id)}${action ? `/${action}` : ''}`;
}
