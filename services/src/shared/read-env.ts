import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultServiceUrl, serviceEnvPrefix, servicePort } from '@mosaic/contracts';
import type { ServiceName } from '@mosaic/contracts';
import { stdoutSink } from './log-line.js';
import type { StartServiceOptions } from './start-service.js';

// src/shared and dist/shared are both three levels below the repo root.
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * Reads the environment shared by every service's `main.ts`: `<NAME>_PORT` (default from
 * @mosaic/contracts' service list), HOST, MOSAIC_DATA_DIR, DATABASE_URL, DATABASE_REPLICA_URL,
 * DATABASE_REPLICA_STICKY_MS, DATABASE_SCHEMA_PREFIX.
 */
export function readEnv(name: ServiceName): StartServiceOptions {
  const portVariable = `${serviceEnvPrefix(name)}_PORT`;
  const rawPort = process.env[portVariable] ?? String(servicePort(name));
  const port = Number(rawPort);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`${portVariable}='${rawPort}' is not a TCP port: use a number from 0 to 65535`);
  }
  return {
    port,
    host: process.env.HOST || '127.0.0.1',
    dataDir: resolve(process.env.MOSAIC_DATA_DIR || resolve(REPO_ROOT, '.data')),
    databaseUrl: process.env.DATABASE_URL || undefined,
    databaseReplicaUrl: process.env.DATABASE_REPLICA_URL || undefined,
    replicaStickyMs: stickyMs(),
    schemaPrefix: process.env.DATABASE_SCHEMA_PREFIX || undefined,
  };
}

function stickyMs(): number | undefined {
  const raw = process.env.DATABASE_REPLICA_STICKY_MS;
  if (!raw) return undefined;
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms < 0 || ms > 600_000) {
    throw new Error(
      `DATABASE_REPLICA_STICKY_MS='${raw}' is not a duration: use milliseconds from 0 to 600000`,
    );
  }
  return ms;
}

/** Where another service answers: `<NAME>_URL`, else its default loopback address. */
export function serviceUrl(name: ServiceName): string {
  return process.env[`${serviceEnvPrefix(name)}_URL`] || defaultServiceUrl(name);
}

/** Logs where a service listens, for people and scripts waiting on it. */
export function logListening(name: string, url: string): void {
  stdoutSink({
    time: new Date().toISOString(),
    level: 'info',
    service: name,
    msg: `listening on ${url}`,
  });
}

/** Runs a started service until SIGINT/SIGTERM, then closes it so the database flushes cleanly. */
export function closeOnSignal(name: string, close: () => Promise<void>): void {
  let closing = false;
  const stop = (signal: string): void => {
    if (closing) return;
    closing = true;
    stdoutSink({
      time: new Date().toISOString(),
      level: 'info',
      service: name,
      msg: `${signal}, closing`,
    });
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}
