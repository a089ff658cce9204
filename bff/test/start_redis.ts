// Test helper: a throwaway redis-server on a free loopback port, which tests can stop and start
// again on the same port to simulate an outage.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface TestRedis {
  url: string;
  /** Kill the server (connections drop at once). */
  stop(): Promise<void>;
  /** Start it again on the same port. */
  start(): Promise<void>;
}

/** A TCP port nothing listens on now (the OS picks it; also used by start_redis_cluster.ts). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** REDIS_URL when the environment gives one (not stoppable), else our own redis-server. */
export async function startRedis(): Promise<TestRedis> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const args = [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
      ];
      const server = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'inherit'] });
      child = server;
      server.once('error', reject);
      server.stdout?.setEncoding('utf8');
      server.stdout?.on('data', (chunk: string) => {
        if (chunk.includes('Ready to accept connections')) resolve();
      });
    });
  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      const server = child;
      if (!server || server.exitCode !== null) return resolve();
      server.once('exit', () => resolve());
      server.kill('SIGKILL');
    });
  await start();
  return { url: `redis://127.0.0.1:${port}`, start, stop };
}
