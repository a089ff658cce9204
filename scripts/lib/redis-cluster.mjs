// A Redis Cluster of three masters for the BFF's cache: each a foreground redis-server, joined
// once with `redis-cli --cluster create`; later starts find each other through nodes.conf.
// `pnpm start:cluster` and the BFF's Redis Cluster test both start theirs from here, so the test
// runs the configuration operators get. Plain JavaScript on purpose: it runs before anything is
// compiled.
import { spawnSync } from 'node:child_process';

/**
 * redis-server's arguments for one master. No persistence: it is a cache. A master that is down
 * leaves the others serving their slots (cluster-require-full-coverage no), and the BFF treats
 * the missing slots as cache misses.
 * @param {{ port: number, busPort: number, dir: string, nodeTimeoutMs?: number }} options
 *   `dir` is the node's own folder (its nodes.conf lives there); `nodeTimeoutMs` is how long a
 *   silent master takes to be marked failed (default 2000).
 */
export function redisArgs({ port, busPort, dir, nodeTimeoutMs = 2000 }) {
  return [
    '--bind',
    '127.0.0.1',
    '--port',
    String(port),
    '--cluster-enabled',
    'yes',
    '--cluster-port',
    String(busPort),
    '--cluster-config-file',
    'nodes.conf',
    '--cluster-node-timeout',
    String(nodeTimeoutMs),
    '--cluster-require-full-coverage',
    'no',
    '--dir',
    dir,
    '--save',
    '',
    '--appendonly',
    'no',
    '--daemonize',
    'no',
  ];
}

/**
 * One redis-cli command against the node at `port`.
 * @param {string} redisCli @param {number} port @param {string[]} args
 * @returns {string} the answer, or '' when the node does not answer
 */
export function cli(redisCli, port, args) {
  const result = spawnSync(redisCli, ['-h', '127.0.0.1', '-p', String(port), ...args], {
    encoding: 'utf8',
    timeout: 10_000,
  });
  return result.status === 0 ? result.stdout : '';
}

/** @param {string} redisCli @param {number} port */
export function answersPing(redisCli, port) {
  return cli(redisCli, port, ['ping']).trim() === 'PONG';
}

/**
 * `CLUSTER INFO` of one node as a map.
 * @param {string} redisCli @param {number} port
 */
export function clusterInfo(redisCli, port) {
  return Object.fromEntries(
    cli(redisCli, port, ['cluster', 'info'])
      .split(/\r?\n/)
      .filter((line) => line.includes(':'))
      .map((line) => line.split(':').map((part) => part.trim())),
  );
}

/**
 * Join the masters into one cluster unless they already are one (a later start: nodes.conf
 * remembers). A half-made cluster (a start stopped midway) is reset and made again: it only
 * holds cache entries.
 * @param {string} redisCli @param {number[]} ports
 */
export function ensureCluster(redisCli, ports) {
  const infos = ports.map((port) => clusterInfo(redisCli, port));
  const whole = infos.every(
    (info) =>
      info.cluster_slots_assigned === '16384' && info.cluster_known_nodes === String(ports.length),
  );
  if (whole) return 'joined';
  for (const port of ports) {
    cli(redisCli, port, ['flushall']);
    cli(redisCli, port, ['cluster', 'reset', 'hard']);
  }
  const result = spawnSync(
    redisCli,
    [
      '--cluster',
      'create',
      ...ports.map((port) => `127.0.0.1:${port}`),
      '--cluster-replicas',
      '0',
      '--cluster-yes',
    ],
    { encoding: 'utf8', timeout: 30_000 },
  );
  if (result.status !== 0) {
    const why = result.error ? result.error.message : `${result.stderr}${result.stdout}`;
    throw new Error(`redis-cli --cluster create failed: ${why}`);
  }
  return 'created';
}

/**
 * Whether every master sees a whole cluster (state ok).
 * @param {string} redisCli @param {number[]} ports
 */
export function clusterOk(redisCli, ports) {
  return ports.every((port) => clusterInfo(redisCli, port).cluster_state === 'ok');
}
