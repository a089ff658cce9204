// Test helper: the built BFF as a child process (`node dist/server.js`), for tests that need a
// second BFF with its own memory — as a second pod behind a load balancer has.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './start_redis.js';
import { distDir } from './start_system.js';

export interface BffProcess {
  bffUrl: string;
  /** Its own data dir (logs under `logs/bff`). */
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * Start `node dist/server.js` with this process's environment (which startSystem has filled with
 * the services' URLs) plus `env`, in a fresh data dir; resolves once it listens.
 */
export async function startBffProcess(
  env: Record<string, string>,
  timeoutMs = 30_000,
): Promise<BffProcess> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'mosaic-bff-child-'));
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(distDir, 'server.js')], {
    env: {
      ...process.env,
      MOSAIC_DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      PORT: String(port),
      EGG_SERVER_ENV: 'prod',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the BFF child did not listen within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      if (output.includes('[bff] listening on')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the BFF child exited (${code}) before listening:\n${output}`));
    });
  });
  return {
    bffUrl: `http://127.0.0.1:${port}`,
    dataDir,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(killer);
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
