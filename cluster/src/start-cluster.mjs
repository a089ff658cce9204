// `pnpm start:cluster`: the whole system as a load-balanced topology on one machine.
import { chmodSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createSupervisor, StartFailure } from '../../scripts/lib/processes.mjs';
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
import { answersPing, clusterOk, ensureCluster, redisArgs } from './redis-cluster.mjs';
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
 * @typedef {object} Part one process of the topology
 * @property {string} name e.g. `bff-1`, `redis-2`, `postgres-replica`, `catalog-canary`
 * @property {string} command
 * @property {string[]} args
 * @property {import('../../scripts/lib/processes.mjs').StartOptions} options
 * @property {() => Promise<boolean>} ready
 * @property {string} what what `ready` checks, for messages
 * @property {NodeJS.Signals} stopSignal
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
  /** Every process started for this data folder carries it (see leftovers.mjs). */
  const marker = { MOSAIC_CLUSTER_DIR: dataDir };
  /** @type {Map<string, Part>} */
  const parts = new Map();
  /** @type {Map<string, import('../../scripts/lib/processes.mjs').Child>} */
  const running = new Map();
  let up = false;
  let stopped = false;
  /** @type {Promise<void> | undefined} */
  let stopping;
  let releaseLock = () => {};

  /** @param {Part} part */
  function launch(part) {
    const child = supervisor.start(part.name, part.command, part.args, {
      quiet,
      detached: true,
      ...part.options,
      env: { ...marker, ...part.options.env },
      onExit: (code, signal) => {
        if (running.get(part.name) === child) running.delete(part.name);
        if (!up || stopped) return;
        log(
          `${part.name} exited (${signal ?? code}); see ${path.join(dataDir, 'logs', `${part.name}.log`)}`,
        );
        if (restartDelayMs !== undefined) {
          setTimeout(() => {
            if (!stopped && !running.has(part.name)) void restart(part.name).catch(() => {});
          }, restartDelayMs);
        }
      },
    });
    running.set(part.name, child);
    return child;
  }

  /** @param {Omit<Part, 'stopSignal'> & { stopSignal?: NodeJS.Signals }} spec */
  async function startPart(spec) {
    if (stopped) throw new StartFailure('the start was stopped');
    /** @type {Part} */
    const part = { stopSignal: 'SIGTERM', ...spec };
    parts.set(part.name, part);
    const child = launch(part);
    await supervisor.waitUntil(part.ready, child, part.what);
  }

  /** Start a part again (after it was killed) and wait until it is ready. @param {string} name */
  async function restart(name) {
    const part = parts.get(name);
    if (!part) throw new Error(`no part named ${name}: one of ${[...parts.keys()].join(', ')}`);
    if (running.has(name)) return;
    log(`starting ${name} again`);
    await supervisor.waitUntil(part.ready, launch(part), part.what);
  }

  /**
   * Kill one part and its children (SIGKILL by default: a crash), resolving once it exited.
   * @param {string} name @param {NodeJS.Signals} [signal]
   */
  function kill(name, signal = 'SIGKILL') {
    const child = running.get(name);
    if (!child?.pid) return Promise.resolve();
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      process.kill(signal === 'SIGKILL' ? -child.pid : child.pid, signal);
    } catch {
      // already gone
    }
    return exited;
  }

  /** Stop everything, front to back, so nothing sees its backend vanish first. */
  function stop() {
    stopped = true;
    stopping ??= stopInOrder();
    return stopping;
  }

  async function stopInOrder() {
    const tiers = [
      ['haproxy'],
      topology.bff.map((_, i) => `bff-${i + 1}`),
      [...parts.keys()].filter((n) =>
        services.some((s) => n === s.name || n === `${s.name}-canary`),
      ),
      ['redis-1', 'redis-2', 'redis-3', 'postgres-replica'],
      ['postgres-primary'],
    ];
    for (const tier of tiers) {
      await Promise.all(
        tier.map((name) => {
          const child = running.get(name);
          const part = parts.get(name);
          return child && part ? supervisor.stopOne(child, part.stopSignal, 10_000) : undefined;
        }),
      );
    }
    await supervisor.stopAll();
    releaseLock();
  }

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
    up = true;
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    topology,
    dataDir,
    /** Names of the parts, e.g. `bff-1`, `redis-2`, `postgres-replica`, `catalog-canary`. */
    names: () => [...parts.keys()],
    /** @param {string} name */
    isRunning: (name) => running.has(name),
    kill,
    restart,
    stop,
  };
}
