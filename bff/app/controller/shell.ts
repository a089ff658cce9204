import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { SHELL_BOOT_ELEMENT_ID } from '@mosaic/contracts';
import type { ShellBoot } from '@mosaic/contracts';
import { Controller } from 'egg';
import type { Context } from 'egg';
import { setPageSecurityHeaders } from '../lib/http/content_security_policy.js';
import { BffError, ErrorCode } from '../lib/http/errors.js';
import { mosaicConfig } from '../lib/mosaic_config.js';
import { requestIdOf } from '../lib/http/request_state.js';
import { resolveInside, sendFile } from '../lib/http/send_file.js';
import { header } from '../lib/http/header.js';
import { services } from '../lib/services.js';
import { identityAnswer } from '../service/identity.js';

const gzipAsync = promisify(gzip);
/**
 * How long a page waits for its boot data (session and app list) before it goes out without:
 * the shell then asks for both itself, as it would have.
 */
const BOOT_WAIT_MS = 300;

const IMMUTABLE = 'public, max-age=31536000, immutable';
const BUILD_HINT = 'build it with `pnpm --filter @mosaic/shell build` (or run `pnpm start`)';

/**
 * The shell: its files from SHELL_DIST, and index.html for any other page a browser asks for
 * (client-side routes), never for /api, /graphql or /apps (see router.ts).
 */
export default class ShellController extends Controller {
  async show(): Promise<void> {
    const { ctx } = this;
    const config = mosaicConfig(this.app);
    const { shellDist } = config;
    setPageSecurityHeaders(ctx, config);
    const relative = decodePath(ctx.path.slice(1));
    const file = relative ? resolveInside(shellDist, relative) : undefined;
    // Vite puts content-hashed files under assets/: cache them forever.
    const cacheControl = relative.startsWith('assets/') ? IMMUTABLE : 'no-cache';
    if (file && (await sendFile(ctx, file, cacheControl))) return;

    const wantsHtml = header(ctx, 'accept').includes('text/html');
    if (!wantsHtml && ctx.path !== '/') {
      throw new BffError(ErrorCode.NOT_FOUND, `no such file: ${ctx.path}`);
    }
    const index = path.join(shellDist, 'index.html');
    if (!existsSync(index)) {
      const message = `the shell is not built: ${index} is missing; ${BUILD_HINT}`;
      if (!wantsHtml) throw new BffError(ErrorCode.SHELL_NOT_BUILT, message);
      shellNotBuilt(ctx, message);
      return;
    }
    const boot = ctx.path === '/signin' ? undefined : await bootFor(ctx);
    if (boot) await sendPageWithBoot(ctx, index, boot);
    else await sendFile(ctx, index, 'no-cache');
  }
}

/**
 * For a navigation with a valid session: what the shell asks first (`GET /api/session` and
 * `GET /api/apps`), answered in the page itself, so the first app starts a round trip sooner
 * (on a phone's network ~150 ms, more with the BFF's work). Anything that goes wrong or takes
 * longer than BOOT_WAIT_MS leaves it out: the page goes out as it is and the shell asks.
 */
async function bootFor(ctx: Context): Promise<ShellBoot | undefined> {
  const { session, identity, appRegistry } = services(ctx);
  try {
    const current = await session.read();
    if (!current) return undefined;
    const work = Promise.all([
      identity.findUser(current.tenantId, current.userId),
      appRegistry.listFor(current),
    ]);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<undefined>((resolve) => {
      timer = setTimeout(resolve, BOOT_WAIT_MS, undefined);
    });
    const done = await Promise.race([work, late]).finally(() => clearTimeout(timer));
    if (!done) {
      work.catch(() => undefined);
      return undefined;
    }
    const [record, list] = done;
    return record ? { session: identityAnswer(record), appList: list.body } : undefined;
  } catch (error) {
    ctx.logger.warn('[shell] page sent without boot data: %s', (error as Error).message);
    return undefined;
  }
}

/**
 * index.html with the boot data in a JSON block before `</head>`. JSON escapes `<`, `>` and `&`
 * here, so no value (an app title is a team's text) can end the element. The page is this
 * user's now: private, never stored by a shared cache, and gzipped when the browser takes it.
 */
async function sendPageWithBoot(ctx: Context, index: string, boot: ShellBoot): Promise<void> {
  const json = JSON.stringify(boot).replace(/[<>&\u2028\u2029]/g, (c) => {
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  const block = `<script type="application/json" id="${SHELL_BOOT_ELEMENT_ID}">${json}</script>`;
  const html = (await readFile(index, 'utf8')).replace('</head>', `${block}</head>`);
  ctx.status = 200;
  ctx.type = 'text/html; charset=utf-8';
  ctx.set('cache-control', 'private, no-cache');
  ctx.vary('cookie');
  ctx.vary('accept-encoding');
  if (ctx.acceptsEncodings('gzip') === 'gzip') {
    ctx.set('content-encoding', 'gzip');
    ctx.body = await gzipAsync(html);
  } else {
    ctx.body = html;
  }
}

function decodePath(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return '\0'; // malformed escapes: resolveInside refuses it
  }
}

function shellNotBuilt(ctx: Context, message: string): void {
  ctx.status = 503;
  ctx.set('cache-control', 'no-store');
  ctx.set('retry-after', '10');
  ctx.type = 'text/html; charset=utf-8';
  ctx.body =
    `<!doctype html><meta charset="utf-8"><title>Mosaic: shell not built</title>` +
    `<h1>Mosaic shell not built</h1><p>${escapeHtml(message)}</p>` +
    `<p><small>request id ${escapeHtml(requestIdOf(ctx))}</small></p>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
