/** localStorage key of the developer overrides: `{ [appName]: baseUrl }`. Per browser, by design. */
export const OVERRIDE_STORAGE_KEY = 'mosaic:overrides';
/** Query parameter that sets one: `?mosaic-override=<name>=<url>`; `<name>=` removes it, `off` all. */
export const OVERRIDE_QUERY_PARAM = 'mosaic-override';

export type Overrides = Record<string, string>;

/**
 * Only builds served from the developer's own machine may be overridden in: a link
 * someone sends cannot make this browser run code from elsewhere.
 */
export function isLocalDevUrl(url: string): boolean {
  try {
    const { protocol, hostname } = new URL(url);
    return (
      (protocol === 'http:' || protocol === 'https:') &&
      ['localhost', '127.0.0.1', '[::1]'].includes(hostname)
    );
  } catch {
    return false;
  }
}

export function readOverrides(storage: Storage = localStorage): Overrides {
  try {
    const value: unknown = JSON.parse(storage.getItem(OVERRIDE_STORAGE_KEY) ?? '{}');
    if (typeof value !== 'object' || value === null) return {};
    return Object.fromEntries(
      Object.entries(value).filter(
        (entry): entry is [string, string] =>
          typeof entry[1] === 'string' && isLocalDevUrl(entry[1]),
      ),
    );
  } catch {
    return {};
  }
}

export function writeOverrides(overrides: Overrides, storage: Storage = localStorage): void {
  if (Object.keys(overrides).length === 0) storage.removeItem(OVERRIDE_STORAGE_KEY);
  else storage.setItem(OVERRIDE_STORAGE_KEY, JSON.stringify(overrides));
}

/**
 * Applies the `mosaic-override` query parameters to `current`: `name=url` sets,
 * `name=` removes, `off` clears. Non-local URLs are ignored.
 */
export function applyOverrideQuery(current: Overrides, search: string): Overrides {
  const next = { ...current };
  for (const value of new URLSearchParams(search).getAll(OVERRIDE_QUERY_PARAM)) {
    if (value === 'off') {
      for (const key of Object.keys(next)) delete next[key];
      continue;
    }
    const at = value.indexOf('=');
    const name = at < 0 ? value : value.slice(0, at);
    const url = at < 0 ? '' : value.slice(at + 1);
    if (!/^[a-z][a-z0-9-]{0,39}$/.test(name)) continue;
    if (url === '') delete next[name];
    else if (isLocalDevUrl(url)) next[name] = url.endsWith('/') ? url : `${url}/`;
  }
  return next;
}
