// `pnpm start:cluster`: the whole system as a load-balanced topology on one machine.
import { chmodSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createSupervisor, StartFailure } from '../../scripts/lib/processes.mjs';
import { createParts } from './parts.mjs';
import {
  buildWhatIsMissing,
  publishApps,
  publishToken,
  readServices,
  root,
} from '../../scripts/lib/workspace.mjs';
import { findBinaries } from './binaries.mjs';
import { haproxyConfig } from './haproxy-config.mjs';
import { stopLeftovers } from './leftovers.mjs';
import { takeStartLock } from './start-lock.mjs';
import {
  databaseUrl,
  ensureDatabase,
  initPrimary,
  initReplica,
  isReady,
  postgresUser,
} from './postgres.mjs';
import {
  answersPing,
  clusterOk,
  ensureCluster,
  redisArgs,
} from '../../scripts/lib/redis-cluster.mjs';
import { BFF_SCRIPT, bffEnv, HEALTH_PATH, serviceEnv, serviceScript } from './roles.mjs';
import { topologyOn } from './topology.mjs';

const AGAIN = 'pnpm start:cluster';

/**
 * @typedef {object} StartClusterOptions
 * @property {number} [port] HAProxy's public port (default 8080)
 * @property {string} [dataDir] data, logs and sockets (default '<repo>/.data/cluster')
 * @property {number} [bffInstances] BFF instances behind HAProxy (default 2)
 * @property {number} [bffWorkers] Egg workers per BFF instance (default 2)
 * @property {string[]} [canaries] services that also run a canary instance
 *   (`MOSAIC_SERVICE_VARIANT=canary`) (default ['catalog'])
 * @property {boolean} [build] build what is missing or stale first (default true)
 * @property {number} [restartDelayMs] restart a process that exits after this long;
 *   unset leaves it stopped (tests restart by hand)
 * @property {boolean} [quiet] keep the processes' output out of the terminal (logs still get it)
 * @property {number} [timeoutSeconds] how long each part gets to come up (default 120)
 * @property {(message: string) => void} [log]
 * @property {AbortSignal} [signal] aborting it mid-start stops what was started (Ctrl-C)
 */

/**
 * Start the cluster topology; resolves once HAProxy serves the BFF. The handle stops it, and
 * kills or restarts one part (what the fault tests do).
 * @param {StartClusterOptions} [options]
 */
export async function startCluster(options = {}) {
  const {
    port = 8080,
    dataDir = path.join(root, '.data', 'cluster'),
    bffInstances = 2,
    bffWorkers = 2,
    canaries = ['catalog'],
    build = true,
    restartDelayMs,
    quiet = false,
    timeoutSeconds = 120,
    log = (/** @type {string} */ message) => process.stdout.write(`[cluster] ${message}\n`),
    signal,
  } = options;
  const found = findBinaries();
  if (!found.binaries) {
    throw new StartFailure(`the cluster topology needs Debian's packages:\n${found.missing}`);
  }
  const { haproxy, redisServer, redisCli, pgBin } = found.binaries;
  const services = readServices();
  const topology = topologyOn(
    port,
    services.map((s) => s.name),
    bffInstances,
  );
  const runDir = path.join(dataDir, 'run');
  const supervisor = createSupervisor({
    cwd: root,
    logDir: path.join(dataDir, 'logs'),
    log,
    timeoutSeconds,
  });
  let releaseLock = () => {};
  const parts = createParts({ supervisor, dataDir, quiet, restartDelayMs, log });
  const { running, startPart } = parts;

  /** Stop everything, front to back, so nothing sees its backend vanish first. */
  const stop = () =>
    parts
      .stop([
        ['haproxy'],
        topology.bff.map((_, i) => `bff-${i + 1}`),
        parts.names().filter((n) => services.some((s) => n === s.name || n === `${s.name}-canary`)),
        ['redis-1', 'redis-2', 'redis-3', 'postgres-replica'],
        ['postgres-primary'],
      ])
      .then(() => releaseLock());

  const fetchOk = async (/** @type {string} */ url) =>
    (await fetch(url, { signal: AbortSignal.timeout(2000) })).ok;

  signal?.addEventListener('abort', () => void stop(), { once: true });
  try {
    if (build) buildWhatIsMissing(log, AGAIN);
    mkdirSync(runDir, { recursive: true });
    releaseLock = takeStartLock(path.join(runDir, 'start-cluster.lock'));
    await stopLeftovers(dataDir, log);

    // PostgreSQL: the primary, the services' database, then the replica streaming from it.
    const pgUser = postgresUser();
    // PostgreSQL's user must reach its folders inside the data folder (mkdtemp makes it 0700).
    if (pgUser.uid !== undefined) chmodSync(dataDir, statSync(dataDir).mode | 0o011);
    const socketDir = path.join(runDir, 'postgres');
    const primaryDir = path.join(dataDir, 'postgres', 'primary');
    const replicaDir = path.join(dataDir, 'postgres', 'replica');
    initPrimary({
      pgBin,
      dir: primaryDir,
      port: topology.postgres.primary,
      socketDir,
      user: pgUser,
    });
    const postgresPart = (
      /** @type {string} */ name,
      /** @type {string} */ dir,
      /** @type {number} */ pgPort,
    ) => ({
      name,
      command: path.join(pgBin, 'postgres'),
      args: ['-D', dir, '-k', socketDir],
      options: { ...pgUser, cwd: '/' },
      ready: async () => isReady(pgBin, pgPort),
      what: `PostgreSQL on 127.0.0.1:${pgPort}`,
      // Fast shutdown: roll back open transactions and stop now, not when clients leave.
      stopSignal: /** @type {NodeJS.Signals} */ ('SIGINT'),
    });
    log('starting PostgreSQL (primary, then a streaming replica)');
    await startPart(postgresPart('postgres-primary', primaryDir, topology.postgres.primary));
    ensureDatabase(pgBin, topology.postgres.primary);
    initReplica({
      pgBin,
      dir: replicaDir,
      port: topology.postgres.replica,
      primaryPort: topology.postgres.primary,
      user: pgUser,
    });
    await startPart(postgresPart('postgres-replica', replicaDir, topology.postgres.replica));

    // Redis Cluster: three masters, joined once.
    log('starting a Redis Cluster of three masters');
    await Promise.all(
      topology.redis.map((redisPort, i) => {
        const dir = path.join(dataDir, 'redis', String(i + 1));
        mkdirSync(dir, { recursive: true });
        return startPart({
          name: `redis-${i + 1}`,
          command: redisServer,
          args: redisArgs({ port: redisPort, busPort: topology.redisBus[i], dir }),
          options: { cwd: dir },
          ready: async () => answersPing(redisCli, redisPort),
          what: `redis-server on 127.0.0.1:${redisPort}`,
        });
      }),
    );
    if (ensureCluster(redisCli, topology.redis) === 'created') log('made the Redis Cluster');
    const firstRedis = /** @type {import('../../scripts/lib/processes.mjs').Child} */ (
      running.get('redis-1')
    );
    await supervisor.waitUntil(
      async () => clusterOk(redisCli, topology.redis),
      firstRedis,
      'cluster_state:ok',
    );

    // The sub-apps, published into the registry every BFF instance reads.
    const token = publishToken(dataDir, log);
    await publishApps({ dataDir, token, again: AGAIN, log, supervisor });

    // HAProxy: the public frontend and one frontend per service (services call each other
    // through it too, so the canary tag routes every hop).
    const config = path.join(runDir, 'haproxy.cfg');
    writeFileSync(
      config,
      haproxyConfig(topology, { canaries, socket: path.join(runDir, 'haproxy.sock') }),
    );
    await startPart({
      name: 'haproxy',
      command: haproxy,
      args: ['-f', config, '-db'],
      options: {},
      ready: () => fetchOk(`http://127.0.0.1:${topology.stats}/stats`),
      what: `HAProxy's stats on 127.0.0.1:${topology.stats}`,
      stopSignal: 'SIGTERM',
    });

    const serviceUrls = Object.fromEntries(
      services.map((s) => [
        `${s.key}_URL`,
        `http://127.0.0.1:${topology.services[s.name].frontend}`,
      ]),
    );
    log('starting the services on PostgreSQL');
    const servicePart = (
      /** @type {(typeof services)[number]} */ s,
      /** @type {'stable' | 'canary'} */ variant,
    ) => {
      const servicePort = topology.services[s.name][variant];
      return {
        name: variant === 'stable' ? s.name : `${s.name}-canary`,
        command: process.execPath,
        args: [serviceScript(s.name)],
        options: {
          env: serviceEnv({
            portVariable: `${s.key}_PORT`,
            port: servicePort,
            dataDir,
            primaryUrl: databaseUrl(topology.postgres.primary),
            replicaUrl: databaseUrl(topology.postgres.replica),
            serviceUrls,
            variant: variant === 'canary' ? 'canary' : undefined,
          }),
        },
        ready: () => fetchOk(`http://127.0.0.1:${servicePort}${HEALTH_PATH}`),
        what: `http://127.0.0.1:${servicePort}${HEALTH_PATH}`,
      };
    };
    // In order: each service migrates its schema before the next one (and its canary) starts.
    for (const s of services) await startPart(servicePart(s, 'stable'));
    for (const s of services.filter((s) => canaries.includes(s.name))) {
      await startPart(servicePart(s, 'canary'));
    }

    log(
      `starting ${topology.bff.length} BFF instances (Egg cluster mode, ${bffWorkers} workers each)`,
    );
    await Promise.all(
      topology.bff.map((bffPort, i) =>
        startPart({
          name: `bff-${i + 1}`,
          command: process.execPath,
          args: [BFF_SCRIPT],
          options: {
            env: bffEnv({
              port: bffPort,
              workers: bffWorkers,
              dataDir,
              shellDist: path.join(root, 'shell', 'dist'),
              publishToken: token,
              redisNodes: topology.redis.map((p) => `127.0.0.1:${p}`).join(','),
              serviceUrls,
            }),
          },
          ready: () => fetchOk(`http://127.0.0.1:${bffPort}${HEALTH_PATH}`),
          what: `http://127.0.0.1:${bffPort}${HEALTH_PATH}`,
        }),
      ),
    );
    const haproxyChild = /** @type {import('../../scripts/lib/processes.mjs').Child} */ (
      running.get('haproxy')
    );
    await supervisor.waitFor(`http://127.0.0.1:${port}/healthz`, haproxyChild);
    supervisor.markUp();
    parts.markUp();
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    topology,
    dataDir,
    /** Names of the parts, e.g. `bff-1`, `redis-2`, `postgres-replica`, `catalog-canary`. */
    names: parts.names,
    /** @param {string} name */
    isRunning: (name) => running.has(name),
    kill: parts.kill,
    restart: parts.restart,
    stop,
  };
}
