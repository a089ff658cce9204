import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Context } from 'egg';
import { compressedBody } from './compressed_body.js';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/**
 * The absolute path of `relative` inside `root`, or undefined when it would leave `root`
 * (`..`, absolute paths, NUL bytes) or touch a dot-file.
 */
export function resolveInside(root: string, relative: string): string | undefined {
  if (relative.includes('\0') || path.isAbsolute(relative) || relative.includes('\\')) {
    return undefined;
  }
  const segments = relative.split('/');
  if (segments.some((s) => s === '..' || s.startsWith('.'))) return undefined;
  const full = path.resolve(root, relative);
  const rel = path.relative(root, full);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? full : undefined;
}

/**
 * Stream a regular file with its content type and the given Cache-Control, compressed when
 * the client accepts it (see compressed_body.ts). Returns false (and sends nothing) when it
 * is not a file.
 */
export async function sendFile(ctx: Context, file: string, cacheControl: string): Promise<boolean> {
  const stats = await stat(file).catch(() => undefined);
  if (!stats?.isFile()) return false;
  ctx.status = 200;
  ctx.type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  ctx.lastModified = stats.mtime;
  ctx.set('cache-control', cacheControl);
  ctx.vary('accept-encoding');
  const compressed = await compressedBody(ctx, file, stats.size, stats.mtimeMs);
  if (compressed) ctx.set('content-encoding', compressed.encoding);
  const body =
    compressed === undefined
      ? createReadStream(file)
      : typeof compressed.body === 'string'
        ? createReadStream(compressed.body)
        : compressed.body;
  ctx.body = ctx.method === 'HEAD' ? null : body;
  // After the body: Koa resets the length when the body is set.
  ctx.length = compressed?.length ?? stats.size;
  return true;
}
