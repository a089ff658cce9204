import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from './start_redis.js';
import { distDir, signIn, startSystem } from './start_system.js';
import type { TestSystem } from './start_system.js';

// Identity for sign-in; the BFF under test is `node dist/cluster.js` with two workers, as
// `pnpm start:cluster` and the container run it.
let system: TestSystem;
let child: ChildProcess;
let url: string;
let dataDir: string;

beforeAll(async () => {
  system = await startSystem({ services: [] });
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'mosaic-cluster-'));
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  child = spawn(process.execPath, [path.join(distDir, 'cluster.js')], {
    env: { ...process.env, PORT: String(port), BFF_WORKERS: '2', MOSAIC_DATA_DIR: dataDir },
    stdio: 'ignore',
  });
  for (let tries = 0; ; tries += 1) {
    const up = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (tries > 150) throw new Error('the cluster did not answer /healthz within 30 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}, 60_000);

afterAll(async () => {
  child?.kill('SIGTERM');
  await new Promise((resolve) => child?.once('exit', resolve));
  await rm(dataDir, { recursive: true, force: true });
  await system?.stop();
});

/** `bff_graphql_requests_total` for anonymous operations that answered ok, from one scrape. */
async function pingsCounted(): Promise<{ count: number; scope: string | null }> {
  const response = await fetch(`${url}/metrics`, { headers: { connection: 'close' } });
  const text = await response.text();
  const line = text
    .split('\n')
    .find((l) => l.startsWith('bff_graphql_requests_total{') && l.includes('outcome="ok"'));
  return {
    count: Number(line?.split(' ').pop() ?? 0),
    scope: response.headers.get('x-mosaic-metrics-scope'),
  };
}

describe('given an instance in cluster mode with two workers', () => {
  it('counts every request in /metrics, whichever worker answers the scrape', async () => {
    const { token } = await signIn(url, 'xiaomai', 'owner');
    // A new connection each time, so the cluster spreads them over both workers.
    for (let i = 0; i < 20; i += 1) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          connection: 'close',
        },
        body: JSON.stringify({ query: '{ ping }' }),
      });
      expect(response.status).toBe(200);
    }
    for (let scrape = 0; scrape < 4; scrape += 1) {
      expect(await pingsCounted()).toEqual({ count: 20, scope: 'instance' });
    }
  }, 60_000);
});
