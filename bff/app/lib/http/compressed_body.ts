import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Context } from 'egg';

const gzipAsync = promisify(gzip);

/** Text formats worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.svg', '.txt']);
/** Below this, the headers cost more than compression saves. */
const MIN_BYTES = 1024;
/** Above this, stream the file as it is rather than hold it in memory. */
const MAX_BYTES = 8 * 1024 * 1024;
/** Bound on what the in-memory gzip cache holds, least recently used out first. */
const CACHE_BUDGET_BYTES = 64 * 1024 * 1024;

/** A compressed representation of a file, ready to send. */
export interface CompressedBody {
  encoding: 'br' | 'gzip';
  body: Buffer | string;
  /** The body's length when it is a Buffer; the precompressed file's size otherwise. */
  length: number;
}

const cache = new Map<string, Buffer>();
let cachedBytes = 0;

function remember(key: string, value: Buffer): void {
  cache.set(key, value);
  cachedBytes += value.length;
  for (const [oldKey, old] of cache) {
    if (cachedBytes <= CACHE_BUDGET_BYTES) break;
    cache.delete(oldKey);
    cachedBytes -= old.length;
  }
}

async function freshSibling(file: string, mtimeMs: number): Promise<number | undefined> {
  const sibling = await stat(file).catch(() => undefined);
  return sibling?.isFile() && sibling.mtimeMs >= mtimeMs ? sibling.size : undefined;
}

/**
 * The best compressed body of `file` the client accepts, or undefined to send it as it is.
 * A precompressed sibling written at build time (`file.br`, `file.gz`, as the shell's build
 * writes them at maximum quality) wins; otherwise the file is gzipped once and kept in memory
 * (immutable assets, so the file's size and mtime are the cache key). Brotli is only sent
 * precompressed: at a useful quality it costs a request hundreds of milliseconds.
 */
export async function compressedBody(
  ctx: Context,
  file: string,
  size: number,
  mtimeMs: number,
): Promise<CompressedBody | undefined> {
  if (size < MIN_BYTES || size > MAX_BYTES) return undefined;
  if (!COMPRESSIBLE.has(path.extname(file).toLowerCase())) return undefined;
  const acceptsBr = ctx.acceptsEncodings('br') === 'br';
  const acceptsGzip = ctx.acceptsEncodings('gzip') === 'gzip';
  if (acceptsBr) {
    const length = await freshSibling(`${file}.br`, mtimeMs);
    if (length !== undefined) return { encoding: 'br', body: `${file}.br`, length };
  }
  if (!acceptsGzip) return undefined;
  const length = await freshSibling(`${file}.gz`, mtimeMs);
  if (length !== undefined) return { encoding: 'gzip', body: `${file}.gz`, length };
  const key = `${file}\0${size}\0${mtimeMs}`;
  let body = cache.get(key);
  if (body) {
    cache.delete(key); // re-insert: most recently used last
    cache.set(key, body);
  } else {
    body = await gzipAsync(await readFile(file), { level: 9 });
    remember(key, body);
  }
  return { encoding: 'gzip', body, length: body.length };
}
