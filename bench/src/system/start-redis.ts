import { mkdirSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { Redis } from 'ioredis';
import { freePort } from './free-port.js';

/** A private redis-server on a free loopback port, no persistence. */
export async function startRedis(dir: string): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  mkdirSync(dir, { recursive: true });
  const server = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      dir,
    ],
    { stdio: 'ignore' },
  );
  const url = `redis://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0 });
    client.on('error', () => {}); // refused until redis-server listens: retried below
    try {
      await client.connect();
      await client.ping();
      client.disconnect();
      break;
    } catch (err) {
      client.disconnect();
      if (Date.now() > deadline)
        throw new Error(`redis-server did not start on ${url}: ${String(err)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return {
    url,
    async stop() {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    },
  };
}
