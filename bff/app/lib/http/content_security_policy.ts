import type { Context } from 'egg';

/**
 * The Content-Security-Policy of the shell's pages and of sub-app files.
 *
 * - No inline script anywhere: the shell's built `index.html` only references files.
 * - `'unsafe-eval'` in script-src: qiankun (import-html-entry) fetches each sub-app's scripts and
 *   runs them with `eval` inside its JS sandbox; without it no app mounts. Only same-origin code
 *   (or a developer's local build, below) is ever fetched that way, since connect-src is 'self'.
 * - `'unsafe-inline'` in style-src only: qiankun inlines each app's stylesheet as a `<style>`
 *   element, and React renders `style` attributes.
 * - Images from this origin, `data:` and the hosts in `MOSAIC_IMAGE_HOSTS`.
 * - `devSources`: where a developer's local build may be loaded from while dev overrides are on
 *   (the apps' dev servers on localhost, with Vite's hot-reload socket). CSP has no syntax for an
 *   IPv6 literal such as [::1]: serve dev builds on localhost or 127.0.0.1.
 */
export function contentSecurityPolicy(imageHosts: readonly string[], devSources = ''): string {
  const dev = devSources ? ` ${devSources}` : '';
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-eval'${dev}`,
    `style-src 'self' 'unsafe-inline'${dev}`,
    `img-src 'self' data:${imageHosts.map((host) => ` ${host}`).join('')}${dev}`,
    `font-src 'self' data:${dev}`,
    `connect-src 'self'${dev}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
  ].join('; ');
}

const LOCAL_DEV_SOURCES = 'http://localhost:* http://127.0.0.1:* ws://localhost:* ws://127.0.0.1:*';
const LOCAL_HOSTNAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Options of {@link setPageSecurityHeaders}. */
export interface PageSecurityOptions {
  /** Extra image origins (`MOSAIC_IMAGE_HOSTS`). */
  imageHosts: readonly string[];
  /**
   * `MOSAIC_DEV_OVERRIDES`: true allows local builds everywhere; undefined only when the shell is
   * itself served from localhost (the shell's own rule); false never.
   */
  devOverrides: boolean | undefined;
}

/** CSP and Referrer-Policy on a shell page or a sub-app file. */
export function setPageSecurityHeaders(ctx: Context, options: PageSecurityOptions): void {
  const devAllowed = options.devOverrides ?? LOCAL_HOSTNAMES.has(ctx.hostname);
  ctx.set(
    'content-security-policy',
    contentSecurityPolicy(options.imageHosts, devAllowed ? LOCAL_DEV_SOURCES : ''),
  );
  ctx.set('referrer-policy', 'strict-origin-when-cross-origin');
}

/**
 * `MOSAIC_IMAGE_HOSTS`: comma-separated origins images may come from besides this one, e.g.
 * `https://img.example.com,https://*.cdn.example.net`. Anything else is refused at boot.
 */
export function parseImageHosts(value: string | undefined): string[] {
  if (!value?.trim()) return [];
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      if (!/^https?:\/\/(\*\.)?[a-z0-9.-]+(:\d{1,5})?$/i.test(entry)) {
        throw new Error(
          `MOSAIC_IMAGE_HOSTS has '${entry}': list origins like https://img.example.com or https://*.example.com, separated by commas, with no path`,
        );
      }
      return entry.toLowerCase();
    });
}
