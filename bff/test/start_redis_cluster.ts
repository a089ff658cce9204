// Test helper: a throwaway 3-master Redis Cluster on free loopback ports, whose masters tests can
// kill and start again (same port, same node id and slots) to simulate losing one node.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { clusterOk, cli, ensureCluster, redisArgs } from '../../scripts/lib/redis-cluster.mjs';
import { freePort } from './start_redis.js';

const REDIS_SERVER = 'redis-server';
const REDIS_CLI = 'redis-cli';
const MISSING =
  "redis-server (and redis-cli) must be on PATH for the Redis Cluster test: install Debian's `redis-server` package (.ci/run does)";

export interface TestClusterNode {
  port: number;
  /** Kill it (SIGKILL: connections drop at once, nothing saved). */
  stop(): Promise<void>;
  /** Start it again on the same port with its nodes.conf, so it rejoins as the same master. */
  start(): Promise<void>;
}

export interface TestRedisCluster {
  /** `REDIS_CLUSTER_NODES` for the BFF: `127.0.0.1:p1,127.0.0.1:p2,127.0.0.1:p3`. */
  nodesEnv: string;
  nodes: TestClusterNode[];
  /** Resolves once every node reports `cluster_state:ok`, or rejects after `timeoutMs`. */
  waitUntilOk(timeoutMs?: number): Promise<void>;
  /** Port of the master that owns `key`'s slot. */
  ownerOf(key: string): Promise<number>;
  /** Keys matching `pattern` on the master at `port` (a test-sized keyspace: KEYS is fine). */
  keysOn(port: number, pattern: string): Promise<string[]>;
  /** Kill every node and delete the temp folder. */
  stop(): Promise<void>;
}

/** A master as `pnpm start:cluster` runs one, in its own folder under `dir`. */
async function startNode(dir: string, port: number, busPort: number): Promise<ChildProcess> {
  const nodeDir = path.join(dir, String(port));
  await mkdir(nodeDir, { recursive: true });
  // Short enough that a killed master is noticed within the test, long enough that a busy
  // 2-core machine does not see false failures.
  const args = redisArgs({ port, busPort, dir: nodeDir, nodeTimeoutMs: 3000 });
  return new Promise((resolve, reject) => {
    const server = spawn(REDIS_SERVER, args, {
      cwd: nodeDir,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const timer = setTimeout(() => {
      server.kill('SIGKILL');
      reject(new Error(`redis-server on port ${port} was not ready within 10 s`));
    }, 10_000);
    server.once('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(err.code === 'ENOENT' ? new Error(MISSING) : err);
    });
    server.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server on port ${port} exited with ${code} before it was ready`));
    });
    server.stdout?.setEncoding('utf8');
    server.stdout?.on('data', (chunk: string) => {
      if (chunk.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve(server);
      }
    });
  });
}

function kill(child: ChildProcess | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

/** Three masters, no replicas, slots split evenly by `redis-cli --cluster create`. */
export async function startRedisCluster(): Promise<TestRedisCluster> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'mosaic-redis-cluster-'));
  // Six distinct ports: three for clients, three for the cluster bus (by default port + 10000,
  // which may be past 65535 for an ephemeral port).
  const ports: number[] = [];
  while (ports.length < 6) {
    const port = await freePort();
    if (!ports.includes(port)) ports.push(port);
  }
  const seed = ports[0] as number;
  const masters = ports.slice(0, 3);
  const children = new Map<number, ChildProcess>();
  const nodes: TestClusterNode[] = masters.map((port, i) => ({
    port,
    async stop() {
      await kill(children.get(port));
      children.delete(port);
    },
    async start() {
      children.set(port, await startNode(dir, port, ports[i + 3] as number));
    },
  }));
  const stop = async (): Promise<void> => {
    await Promise.all([...children.values()].map(kill));
    children.clear();
    await rm(dir, { recursive: true, force: true });
  };
  const waitUntilOk = async (timeoutMs = 20_000): Promise<void> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (clusterOk(REDIS_CLI, masters)) return;
      if (Date.now() > deadline) {
        throw new Error(`the Redis Cluster on ${dir} was not ok within ${timeoutMs} ms`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };

  try {
    await Promise.all(nodes.map((node) => node.start()));
    ensureCluster(REDIS_CLI, masters);
    await waitUntilOk();
  } catch (err) {
    await stop();
    throw err;
  }

  return {
    nodesEnv: nodes.map((node) => `127.0.0.1:${node.port}`).join(','),
    nodes,
    waitUntilOk,
    async ownerOf(key) {
      const slot = Number(cli(REDIS_CLI, seed, ['cluster', 'keyslot', key]).trim());
      const shards = JSON.parse(cli(REDIS_CLI, seed, ['--json', 'cluster', 'slots'])) as [
        number,
        number,
        [string, number, ...unknown[]],
      ][];
      const shard = shards.find(([from, to]) => slot >= from && slot <= to);
      if (!shard) throw new Error(`no master owns slot ${slot} of '${key}'`);
      return shard[2][1];
    },
    async keysOn(port, pattern) {
      const out = cli(REDIS_CLI, port, ['--raw', 'keys', pattern]);
      return out.split('\n').filter(Boolean);
    },
    stop,
  };
}
