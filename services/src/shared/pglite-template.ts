import { readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';

/**
 * Where `pnpm build` leaves an empty, initialised PGlite cluster: `dist/pglite-template.tar.gz`.
 * A first start unpacks it instead of running `initdb`, which takes several seconds per service.
 */
const HERE = dirname(fileURLToPath(import.meta.url));
export const TEMPLATE_PATH = resolve(HERE, '../pglite-template.tar.gz');
// Tests run from src/ and use the built template when there is one.
const CANDIDATES = [TEMPLATE_PATH, resolve(HERE, '../../dist/pglite-template.tar.gz')];

/** The template, or undefined when there is none (running from source): PGlite then runs initdb. */
export async function readTemplate(): Promise<Blob | undefined> {
  for (const path of CANDIDATES) {
    try {
      return new Blob([await readFile(path)]);
    } catch {
      // not built yet: try the next place, then fall back to initdb
    }
  }
  return undefined;
}

/** Runs initdb once in memory and saves the result as the template (called by `pnpm build`). */
export async function writeTemplate(): Promise<void> {
  const pg = await PGlite.create();
  const dump = await pg.dumpDataDir('gzip');
  await pg.close();
  await writeFile(TEMPLATE_PATH, Buffer.from(await dump.arrayBuffer()));
}
