import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

const MIN_SECRET_LENGTH = 32;

/**
 * The HS256 key for session tokens: `MOSAIC_SESSION_SECRET` when set, else a random secret made
 * once and kept in `<dataDir>/session-secret` (mode 0600) so restarts keep everyone signed in.
 * Several BFF instances must share the variable or the data dir.
 */
export async function loadSessionSecret(
  configured: string | undefined,
  dataDir: string,
): Promise<Uint8Array> {
  if (configured !== undefined) {
    if (configured.length < MIN_SECRET_LENGTH) {
      throw new Error(
        `MOSAIC_SESSION_SECRET is ${configured.length} characters; use at least ${MIN_SECRET_LENGTH} ` +
          `(e.g. \`openssl rand -base64 48\`) or unset it to keep a generated one in ${dataDir}`,
      );
    }
    return new TextEncoder().encode(configured);
  }
  const file = path.join(dataDir, 'session-secret');
  await mkdir(dataDir, { recursive: true });
  try {
    // 'wx' fails if the file exists, so two processes starting at once agree on one secret.
    await writeFile(file, randomBytes(48).toString('base64url'), { flag: 'wx', mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const stored = (await readFile(file, 'utf8')).trim();
  if (stored.length < MIN_SECRET_LENGTH) {
    throw new Error(
      `${file} holds a secret shorter than ${MIN_SECRET_LENGTH} characters: delete it to make a new one`,
    );
  }
  return new TextEncoder().encode(stored);
}
