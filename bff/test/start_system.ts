// Shared test helpers: boot real services and the built BFF on free ports with a temp data dir.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCatalog, startInventory } from '@mosaic/services';
import type { LogLine } from '@mosaic/services';
import { startBff } from '../server.js';

/** The compiled app (`pnpm test` builds it first). */
export const distDir = fileURLToPath(new URL('../dist', import.meta.url));

export interface TestSystem {
  bffUrl: string;
  dataDir: string;
  /** Log lines of the catalog and inventory services, oldest first. */
  upstreamLog: LogLine[];
  stop(): Promise<void>;
}

export interface StartSystemOptions {
  /** Start catalog and inventory. @default true */
  services?: boolean;
  /** Extra environment for the BFF (e.g. SHELL_DIST). */
  env?: Record<string, string>;
  /** Reuse this data dir instead of a fresh temp one (not deleted on stop). */
  dataDir?: string;
}

export async function startSystem(options: StartSystemOptions = {}): Promise<TestSystem> {
  const ownDataDir = !options.dataDir;
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'mosaic-bff-')));
  const upstreamLog: LogLine[] = [];
  const log = (line: LogLine): void => void upstreamLog.push(line);
  const upstreams =
    options.services === false
      ? []
      : await Promise.all([
          startCatalog({ port: 0, dataDir, log }),
          startInventory({ port: 0, dataDir, log }),
        ]);
  const [catalog, inventory] = upstreams;
  // Config is read from the environment when Egg boots; each test file runs in its own process.
  Object.assign(process.env, {
    MOSAIC_DATA_DIR: dataDir,
    // Nothing listens on port 9 (discard): an unreachable upstream when services are off.
    CATALOG_URL: catalog?.url ?? 'http://127.0.0.1:9',
    INVENTORY_URL: inventory?.url ?? 'http://127.0.0.1:9',
    SHELL_DIST: path.join(dataDir, 'no-shell'),
    UPSTREAM_TIMEOUT_MS: '2000',
    ...options.env,
  });
  delete process.env.MOSAIC_SESSION_SECRET;
  const bff = await startBff({ port: 0, host: '127.0.0.1', baseDir: distDir });
  return {
    bffUrl: bff.url,
    dataDir,
    upstreamLog,
    async stop() {
      await bff.close();
      await Promise.all(upstreams.map((u) => u.close()));
      if (ownDataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Sign in and return the token and the session cookie (`name=value`). */
export async function signIn(
  bffUrl: string,
  tenant: string,
  username: string,
): Promise<{ token: string; cookie: string }> {
  const response = await fetch(`${bffUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenant, username, password: 'demo1234' }),
  });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status}`);
  const { token } = (await response.json()) as { token: string };
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { token, cookie };
}

/** POST /graphql with a Bearer token. */
export async function graphql(
  bffUrl: string,
  token: string,
  query: string,
  extra: Record<string, unknown> = {},
): Promise<Response> {
  return fetch(`${bffUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, ...extra }),
  });
}
