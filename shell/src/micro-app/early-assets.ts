/**
 * The first app's files, fetched as soon as the shell knows which app the page opens: its html
 * entry the moment `/api/apps` answers (while qiankun's own chunk is still downloading), then its
 * stylesheets and scripts together the moment the html is in, instead of one after the other as
 * qiankun's loader asks for them. On a phone's network that is two or three round trips fewer
 * before the app can render. qiankun's fetch (`makeAssetFetch`) takes each answer once; anything
 * not fetched early, or fetched again, goes to the network as before.
 */
const early = new Map<string, Promise<Response>>();
/** Only the page's first app: later lists (revalidation) must not download its files again. */
let warmed = false;

/** The stylesheet and script URLs an app's html entry names, absolute. */
export function assetsOfEntry(html: string, entryUrl: string): string[] {
  const urls: string[] = [];
  const tag = /<(link|script)\b([^>]*)>/gi;
  for (let match = tag.exec(html); match; match = tag.exec(html)) {
    const [, name, attributes = ''] = match;
    const isStylesheet =
      name?.toLowerCase() === 'link' && /\brel\s*=\s*["']?stylesheet\b/i.test(attributes);
    const source = /\b(?:src|href)\s*=\s*["']([^"']+)["']/i.exec(attributes)?.[1];
    if (source && (isStylesheet || name?.toLowerCase() === 'script')) {
      urls.push(new URL(source, entryUrl).href);
    }
  }
  return urls;
}

function absolute(url: string): string {
  return new URL(url, window.location.href).href;
}

function fetchEarly(url: string): Promise<Response> {
  const pending = fetch(url, { credentials: 'same-origin' });
  early.set(url, pending);
  // Not taken (the user left, a newer list named another version): nothing to report.
  pending.catch(() => undefined);
  return pending;
}

/** Start fetching `entry` (a same-origin html entry) and, once it is in, what it names. */
export function warmAppEntry(entry: string): void {
  const entryUrl = absolute(entry);
  if (warmed || new URL(entryUrl).origin !== window.location.origin) return;
  warmed = true;
  void fetchEarly(entryUrl)
    .then(async (response) => {
      if (!response.ok) return;
      const html = await response.clone().text();
      for (const url of assetsOfEntry(html, entryUrl)) if (!early.has(url)) void fetchEarly(url);
    })
    .catch(() => undefined);
}

/** The early answer for `url`, once; undefined when it was not fetched early. */
export function takeEarlyAsset(url: string): Promise<Response> | undefined {
  const key = absolute(url);
  const pending = early.get(key);
  early.delete(key);
  return pending;
}
