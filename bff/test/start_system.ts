// Shared test helpers: boot real services and the built BFF on free ports with a temp data dir.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as servicesPackage from '@mosaic/services';
import type { LogLine } from '@mosaic/services';
import { startBff } from '../server.js';
import { SERVICE_NAMES, startUpstream } from './start_services.js';
import type { RunningUpstream, ServiceName } from './start_services.js';

/** The compiled app (`pnpm test` builds it first). */
export const distDir = fileURLToPath(new URL('../dist', import.meta.url));

export interface TestSystem {
  bffUrl: string;
  dataDir: string;
  /** Request log lines of every service, oldest first (`line.service` names it). */
  upstreamLog: LogLine[];
  /** The services started, by name (stop one to test an outage). */
  upstreams: Partial<Record<ServiceName, RunningUpstream>>;
  stop(): Promise<void>;
}

export interface StartSystemOptions {
  /**
   * Domain services to start besides identity (always on: sign-in needs it). `false`: none.
   * @default every service that is built
   */
  services?: boolean | ServiceName[];
  /** Extra environment for the BFF (e.g. SHELL_DIST, REDIS_URL); `''` unsets a variable. */
  env?: Record<string, string>;
  /** Reuse this data dir instead of a fresh temp one (not deleted on stop). */
  dataDir?: string;
}

/** Services this checkout can run: exported by @mosaic/services or built into its dist/. */
export function builtServices(): ServiceName[] {
  const exported = servicesPackage as unknown as Record<string, unknown>;
  return SERVICE_NAMES.filter(
    (name) =>
      typeof exported[`start${name[0]?.toUpperCase()}${name.slice(1)}`] === 'function' ||
      existsSync(fileURLToPath(new URL(`../../services/dist/${name}/main.js`, import.meta.url))),
  );
}

export async function startSystem(options: StartSystemOptions = {}): Promise<TestSystem> {
  const ownDataDir = !options.dataDir;
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'mosaic-bff-')));
  const upstreamLog: LogLine[] = [];
  const log = (line: LogLine): void => void upstreamLog.push(line);
  const wanted =
    options.services === false
      ? []
      : options.services === true || options.services === undefined
        ? builtServices()
        : options.services;
  const names = [...new Set<ServiceName>(['identity', ...wanted])];
  // Sales calls the others, so it starts last, told where they are.
  const first = await Promise.all(
    names.filter((n) => n !== 'sales').map((name) => startUpstream(name, dataDir, log)),
  );
  const urls = Object.fromEntries(first.map((u) => [u.name, u.url]));
  const started = names.includes('sales')
    ? [...first, await startUpstream('sales', dataDir, log, urls)]
    : first;
  const upstreams: Partial<Record<ServiceName, RunningUpstream>> = Object.fromEntries(
    started.map((u) => [u.name, u]),
  );
  // Config is read from the environment when Egg boots; each test file runs in its own process.
  // Nothing listens on port 9 (discard): an unreachable upstream for services not started.
  const urlEnv = Object.fromEntries(
    SERVICE_NAMES.map((name) => [
      `${name.toUpperCase()}_URL`,
      upstreams[name]?.url ?? 'http://127.0.0.1:9',
    ]),
  );
  Object.assign(process.env, {
    MOSAIC_DATA_DIR: dataDir,
    ...urlEnv,
    SHELL_DIST: path.join(dataDir, 'no-shell'),
    UPSTREAM_TIMEOUT_MS: '2000',
    ACCESS_LOG: '0',
    ...options.env,
  });
  delete process.env.MOSAIC_SESSION_SECRET;
  if (!options.env?.REDIS_URL) delete process.env.REDIS_URL;
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === '') delete process.env[name];
  }
  const bff = await startBff({ port: 0, host: '127.0.0.1', baseDir: distDir });
  return {
    bffUrl: bff.url,
    dataDir,
    upstreamLog,
    upstreams,
    async stop() {
      await bff.close();
      await Promise.all(started.map((u) => u.close()));
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
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${bffUrl}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      ...headers,
    },
    body: JSON.stringify({ query, ...extra }),
  });
}

/** A GraphQL answer, typed loosely for assertions. */
export interface GraphqlBody<T = Record<string, unknown>> {
  data: T | null;
  errors?: {
    message: string;
    path?: string[];
    extensions: { code: string; requestId: string; fields?: unknown };
  }[];
}

/** POST /graphql and parse the JSON answer. */
export async function query<T = Record<string, unknown>>(
  bffUrl: string,
  token: string,
  text: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphqlBody<T>> {
  return (await (await graphql(bffUrl, token, text, extra, headers)).json()) as GraphqlBody<T>;
}

/** What a sign-in attempt answered: the status, the error code and request id, Retry-After. */
export interface SignInAttempt {
  status: number;
  code: string | undefined;
  requestId: string | undefined;
  retryAfter: string | null;
}

/** POST /api/session for a xiaomai user (a wrong password unless given), from `forwardedFor`. */
export async function attemptSignIn(
  bffUrl: string,
  username: string,
  {
    password = 'not-the-password',
    forwardedFor,
  }: { password?: string; forwardedFor?: string } = {},
): Promise<SignInAttempt> {
  const response = await fetch(`${bffUrl}/api/session`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
    },
    body: JSON.stringify({ tenant: 'xiaomai', username, password }),
  });
  const body = (await response.json()) as { error?: { code: string; requestId: string } };
  return {
    status: response.status,
    code: body.error?.code,
    requestId: body.error?.requestId,
    retryAfter: response.headers.get('retry-after'),
  };
}
