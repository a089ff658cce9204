import { Cluster } from 'ioredis';
import type { Redis } from 'ioredis';
import type { CacheStore } from './cache_store.js';
import type { ClusterNodeAddress } from './cluster_nodes.js';
import {
  dropMatching,
  failFastOptions,
  reconnectBackoff,
  redisCommands,
} from './redis_commands.js';
import { createStoreState } from './store_state.js';

/** Options of createRedisClusterStore. */
export interface RedisClusterStoreOptions {
  /** Seed nodes (`REDIS_CLUSTER_NODES`); ioredis discovers the rest from their slot map. */
  nodes: readonly ClusterNodeAddress[];
  /** Told once when a node (or the whole cluster) goes away and once when all are back. */
  onStateChange: (state: 'down' | 'up', detail: string) => void;
  /** Give up on one command after this many ms, redirections included. @default 250 */
  commandTimeoutMs?: number;
  /** Keys matching `<prefix>:*` are dropped on every master when the cluster is whole again. */
  prefix: string;
  /** How often a cluster that lost a node is asked whether it is whole again, in ms. @default 500 */
  probeIntervalMs?: number;
}

/**
 * The shared cache in a Redis Cluster, with the single-node store's fail-fast behaviour: no
 * offline queue, a command timeout, node connections that reconnect in the background, and one
 * 'down'/'up' per outage. An outage is any node lost (its slots' invalidations are lost with it),
 * and it ends when every slot owner answers and reports `cluster_state:ok`; then `<prefix>:*` is
 * dropped on every master. Reads go to masters only (`scaleReads: 'master'`): a replica may
 * still hold an entry its master just invalidated.
 */
export function createRedisClusterStore(options: RedisClusterStoreOptions): CacheStore {
  const { nodes, onStateChange, commandTimeoutMs = 250, prefix, probeIntervalMs } = options;
  const cluster = new Cluster(
    nodes.map(({ host, port }) => ({ host, port })),
    {
      enableOfflineQueue: false,
      scaleReads: 'master',
      // Reconnect to the whole cluster (all nodes lost) and to each node in the background; by
      // default ioredis would drop a lost node until a slot refresh or MOVED brings it back.
      clusterRetryStrategy: reconnectBackoff,
      clusterNodeRetryStrategy: reconnectBackoff,
      // Fail fast rather than bounce between nodes while the cluster reshapes itself.
      maxRedirections: 4,
      redisOptions: failFastOptions(commandTimeoutMs),
    },
  );
  const where = nodes.map(({ host, port }) => `${host}:${port}`).join(',');
  const state = createStoreState({
    onStateChange,
    onBack: () => dropMatching(cluster.nodes('master'), `${prefix}:*`),
    isBack: () => isWhole(cluster),
    probeIntervalMs,
  });
  cluster.on('ready', () => {
    // After a reconnect of the whole cluster, 'ready' alone does not say every node is back.
    if (state.current === 'starting') state.up(`connected to ${where}`);
  });
  cluster.on('error', (err: Error) => state.down(`cluster ${where}: ${err.message}`));
  cluster.on('node error', (err: Error, key: string) => state.down(`node ${key}: ${err.message}`));
  cluster.on('close', () => state.down(`cluster ${where}: connection closed`));
  cluster.on('end', () => state.down(`cluster ${where}: connection ended`));
  // As with one Redis, a node lost without an 'error' is an outage too.
  cluster.on('+node', (node: Redis) => {
    node.on('close', () => state.down(`node ${nodeKey(node)}: connection closed`));
  });

  return {
    kind: 'redis',
    client: cluster,
    ...redisCommands(cluster),
    async ping() {
      // Ready only once the outage is over as far as the logs and metrics are concerned.
      if (state.current === 'down') return false;
      try {
        return await isWhole(cluster);
      } catch {
        return false;
      }
    },
    async close() {
      state.close();
      cluster.disconnect();
    },
  };
}

function nodeKey(node: Redis): string {
  return `${node.options.host}:${node.options.port}`;
}

/** Every slot has an owner we are connected to, and each owner says the cluster is ok. */
async function isWhole(cluster: Cluster): Promise<boolean> {
  if (cluster.status !== 'ready') return false;
  const owners = new Set<string>();
  for (let slot = 0; slot < 16384; slot += 1) {
    const owner = cluster.slots[slot]?.[0];
    if (!owner) return false;
    owners.add(owner);
  }
  const masters = new Map(cluster.nodes('master').map((node) => [nodeKey(node), node]));
  const answers = await Promise.all(
    [...owners].map(async (owner) => {
      const node = masters.get(owner);
      if (!node) return false;
      try {
        const info = await node.cluster('INFO');
        return /^cluster_state:ok\s*$/m.test(String(info));
      } catch {
        return false;
      }
    }),
  );
  return answers.every(Boolean);
}
