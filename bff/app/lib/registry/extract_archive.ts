import { createHash } from 'node:crypto';
import { mkdir, open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { Parser } from 'tar';
import type { ReadEntry } from 'tar';
import { BffError, ErrorCode } from '../http/errors.js';
import { safeArchivePath } from './safe_archive_path.js';

/** Options of extractArchive. */
export interface ExtractArchiveOptions {
  /** Empty folder to unpack into. */
  dir: string;
  /** Refuse when the upload (compressed) is bigger. */
  maxArchiveBytes: number;
  /** Refuse when the archive unpacks to more (tar headers included): stops gzip bombs early. */
  maxUnpackedBytes: number;
  /** Refuse archives with more files. */
  maxFiles: number;
}

/** What was unpacked: every regular file, by its path inside the version. */
export type UnpackedFiles = Map<string, { size: number; sha256: string }>;

const FILE_TYPES = new Set(['File', 'OldFile', 'ContiguousFile']);

function invalid(message: string): BffError {
  return new BffError(ErrorCode.INVALID_PACKAGE, message);
}

/** Pass chunks through, failing once more than `limit` bytes went by. */
async function* limitBytes(
  source: AsyncIterable<Buffer>,
  limit: number,
  tooLarge: () => BffError,
): AsyncGenerator<Buffer> {
  let total = 0;
  for await (const chunk of source) {
    total += chunk.length;
    if (total > limit) throw tooLarge();
    yield chunk;
  }
}

/**
 * Stream a `.tar.gz` into `dir` with every guard applied while reading, never after: the
 * upload and the unpacked size are capped, only regular files and folders are accepted (no
 * symlinks, hard links or devices), paths must stay inside `dir` (safeArchivePath), and each
 * file is created exclusively (a duplicate path is refused), hashed and fsynced as it is
 * written. Throws a BffError (INVALID_PACKAGE, PAYLOAD_TOO_LARGE); the caller removes `dir`.
 *
 * Parsing is node-tar's `Parser` (headers, pax, long names, checksums); writing is ours, so no
 * library default decides what lands on disk.
 */
export async function extractArchive(
  source: AsyncIterable<Buffer>,
  options: ExtractArchiveOptions,
): Promise<UnpackedFiles> {
  const { dir, maxArchiveBytes, maxUnpackedBytes, maxFiles } = options;
  const files: UnpackedFiles = new Map();
  let failure: unknown;
  let rejectFailed: (err: unknown) => void = () => undefined;
  const failed = new Promise<never>((_, reject) => (rejectFailed = reject));
  failed.catch(() => undefined);
  const fail = (err: unknown): void => {
    if (failure !== undefined) return;
    failure = err;
    rejectFailed(err);
  };
  // Disk work runs as one chain in archive order; the feed waits on it when it runs ahead, so
  // memory stays bounded without relying on the parser's own backpressure.
  let disk: Promise<void> = Promise.resolve();
  let queuedBytes = 0;
  const onDisk = (work: () => Promise<void>): void => {
    disk = disk.then(() => (failure === undefined ? work() : undefined)).catch(fail);
  };

  const parser = new Parser({ strict: true, maxMetaEntrySize: 64 * 1024 });
  // 'end' can fire inside parser.end(), so listen before feeding.
  const ended = new Promise((resolve) => parser.once('end', resolve));
  parser.on('error', (err: Error) => fail(invalid(`not a valid tar archive: ${err.message}`)));
  parser.on('entry', (entry: ReadEntry) => {
    try {
      if (failure === undefined) receive(entry);
      else entry.resume();
    } catch (err) {
      entry.resume();
      fail(err);
    }
  });

  function receive(entry: ReadEntry): void {
    const rel = safeArchivePath(entry.path);
    if (!rel) {
      throw invalid(
        `archive path ${JSON.stringify(entry.path)} is not allowed: paths must be relative, inside the app folder, without '..' or hidden names`,
      );
    }
    if (entry.type === 'Directory') return void entry.resume();
    if (!FILE_TYPES.has(entry.type)) {
      throw invalid(
        `archive entry '${rel}' is a ${entry.type}: only regular files and folders may be published (no links)`,
      );
    }
    if (files.has(rel)) throw invalid(`archive holds '${rel}' twice`);
    if (files.size >= maxFiles) throw invalid(`archive has more than ${maxFiles} files`);
    const target = path.join(dir, rel);
    const hash = createHash('sha256');
    let size = 0;
    let handle: FileHandle | undefined;
    files.set(rel, { size: 0, sha256: '' });
    onDisk(async () => {
      await mkdir(path.dirname(target), { recursive: true });
      handle = await open(target, 'wx', 0o644);
    });
    entry.on('data', (chunk: Buffer) => {
      size += chunk.length;
      hash.update(chunk);
      queuedBytes += chunk.length;
      onDisk(async () => {
        queuedBytes -= chunk.length;
        await handle?.write(chunk);
      });
    });
    entry.on('end', () =>
      onDisk(async () => {
        await handle?.sync();
        await handle?.close();
        handle = undefined;
        files.set(rel, { size, sha256: hash.digest('hex') });
      }),
    );
    // Close the file however the chain ends.
    void failed.catch(() => handle?.close().catch(() => undefined));
  }

  const tooLarge = (message: string) => (): BffError => {
    const err = new BffError(ErrorCode.PAYLOAD_TOO_LARGE, message);
    fail(err);
    return err;
  };
  const gunzip = createGunzip();
  gunzip.on('error', (err) =>
    fail(invalid(`upload is not a complete gzip archive (${err.message}): send a .tar.gz`)),
  );
  const feed = pipeline(
    limitBytes(
      source,
      maxArchiveBytes,
      tooLarge(
        `archive is over the ${maxArchiveBytes}-byte limit (MOSAIC_PUBLISH_MAX_BYTES): ship fewer or smaller files`,
      ),
    ),
    gunzip,
    (unpacked: AsyncIterable<Buffer>) =>
      limitBytes(
        unpacked,
        maxUnpackedBytes,
        tooLarge(
          `archive unpacks to more than ${maxUnpackedBytes} bytes (MOSAIC_PUBLISH_MAX_UNPACKED_BYTES)`,
        ),
      ),
    async (tarBytes: AsyncIterable<Buffer>) => {
      for await (const chunk of tarBytes) {
        if (failure !== undefined) return;
        parser.write(chunk);
        if (queuedBytes > 1024 * 1024) await Promise.race([disk, failed]);
      }
      parser.end();
    },
  ).catch((err: unknown) =>
    fail(
      err instanceof BffError
        ? err
        : invalid(
            `upload is not a complete gzip archive (${(err as Error).message}): send a .tar.gz`,
          ),
    ),
  );

  await Promise.race([
    (async () => {
      await feed;
      await ended;
      await disk;
    })(),
    failed,
  ]).catch(() => undefined);
  // Let in-flight disk work settle so the caller can remove the folder cleanly.
  await disk.catch(() => undefined);
  if (failure !== undefined) throw failure;
  if (files.size === 0) throw invalid('archive is empty: pack the files of dist/');
  return files;
}
