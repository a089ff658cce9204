import { create } from 'tar';

/**
 * The .tar.gz `mosaic-app publish` uploads: `files` (paths relative to `distDir`) as portable
 * entries (no owner, user names or mode bits of this machine), gzipped, in memory.
 */
export async function packDist(distDir: string, files: readonly string[]): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of create({ gzip: true, cwd: distDir, portable: true }, [...files])) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
