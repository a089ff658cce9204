#!/usr/bin/env node
// `pnpm start:cluster`: see ../README.md. PORT (default 8080), MOSAIC_DATA_DIR (default
// .data/cluster), BFF_INSTANCES (default 2), BFF_WORKERS (default 2), MOSAIC_START_TIMEOUT.
import path from 'node:path';
import { StartFailure, startTimeoutSeconds } from '../../scripts/lib/processes.mjs';
import { root } from '../../scripts/lib/workspace.mjs';
import { startCluster } from '../src/index.mjs';

const log = (/** @type {string} */ message) => process.stdout.write(`[cluster] ${message}\n`);

/** @param {string} name @param {number} fallback */
function wholeEnv(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) {
    log(`${name}='${raw}' is not a whole number (default ${fallback})`);
    process.exit(1);
  }
  return Number(raw);
}

const dataDir = path.resolve(root, process.env.MOSAIC_DATA_DIR || path.join('.data', 'cluster'));
/** @type {Awaited<ReturnType<typeof startCluster>> | undefined} */
let cluster;
let stopping = false;
// Until startCluster returns, a signal aborts the start, which stops what it started itself.
const starting = new AbortController();
/** @param {number} code */
async function stop(code) {
  if (stopping) return;
  stopping = true;
  log('stopping everything it started');
  if (!cluster) return starting.abort();
  await cluster.stop();
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

try {
  cluster = await startCluster({
    port: wholeEnv('PORT', 8080),
    dataDir,
    bffInstances: wholeEnv('BFF_INSTANCES', 2),
    bffWorkers: wholeEnv('BFF_WORKERS', 2),
    timeoutSeconds: startTimeoutSeconds(),
    // A part that dies comes back; HAProxy routes around it meanwhile.
    restartDelayMs: 1000,
    log,
    signal: starting.signal,
  });
  const { topology } = cluster;
  log(
    `ready on http://localhost:${topology.port} (data, logs and sockets in ${path.relative(root, dataDir) || dataDir})`,
  );
  log(
    `HAProxy stats: http://127.0.0.1:${topology.stats}/stats; BFF instances' /metrics: ${topology.bff.map((p) => `http://127.0.0.1:${p}/metrics`).join(' ')}`,
  );
  log('Ctrl-C stops everything');
} catch (error) {
  if (starting.signal.aborted) process.exit(0);
  if (!(error instanceof StartFailure)) console.error(error);
  log(`start failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
