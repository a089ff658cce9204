import { existsSync } from 'node:fs';
import path from 'node:path';
import { Controller } from 'egg';
import type { Context } from 'egg';
import { setPageSecurityHeaders } from '../lib/http/content_security_policy.js';
import { BffError, ErrorCode } from '../lib/http/errors.js';
import { mosaicConfig } from '../lib/mosaic_config.js';
import { requestIdOf } from '../lib/http/request_state.js';
import { resolveInside, sendFile } from '../lib/http/send_file.js';
import { header } from '../lib/http/header.js';

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
    await sendFile(ctx, index, 'no-cache');
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
