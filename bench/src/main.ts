// `pnpm bench`: the BFF against its peers, upstream efficiency, the shell in Chromium, a
// Lighthouse mobile audit and memory. Prints tables; writes bench/results/latest.{json,md}.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { benchBff } from './bff-bench.js';
import { benchLighthouse } from './lighthouse-bench.js';
import { measureJsBytes } from './js-bytes.js';
import { renderReport } from './report.js';
import type { BenchResults } from './report.js';
import { benchShell } from './shell-bench.js';
import { startRedis } from './system/start-redis.js';
import { startSystem } from './system/start-system.js';

const root = path.resolve(import.meta.dirname, '../..');
const log = (line: string): void => void process.stdout.write(`[bench] ${line}\n`);
const only = new Set((process.env.BENCH_ONLY ?? 'bff,shell,lighthouse').split(','));
const durationSeconds = Number(process.env.BENCH_DURATION ?? 4);
const concurrency = (process.env.BENCH_CONCURRENCY ?? '1,10,50').split(',').map(Number);
const started = Date.now();

const built = [
  'services/dist/catalog/main.js',
  'bff/dist/graphql_runtime.js',
  'shell/dist/index.html',
];
if (!built.every((file) => existsSync(path.join(root, file)))) {
  log('dist missing: pnpm build');
  const result = spawnSync('pnpm', ['build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('pnpm build failed; fix it and run pnpm bench again');
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'mosaic-bench-'));
const env = {
  ACCESS_LOG: '0',
  MOSAIC_SESSION_SECRET: randomBytes(32).toString('base64url'),
  MOSAIC_DATA_DIR: dataDir,
  EGG_SERVER_ENV: 'prod',
};
const redis = await startRedis(path.join(dataDir, 'redis'));
log(`redis on ${redis.url}; starting the services and a BFF in ${dataDir}`);
const system = await startSystem({ root, dataDir, env });
try {
  const session = await fetch(`${system.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenant: 'xiaomai', username: 'owner', password: 'demo1234' }),
  });
  const { token } = (await session.json()) as { token: string };
  const results: BenchResults = {
    at: new Date().toISOString(),
    machine: machine(),
    durationSeconds,
    concurrency,
  };
  if (only.has('bff')) {
    results.bff = await benchBff({
      root,
      system,
      token,
      redisUrl: redis.url,
      dataDir,
      env,
      concurrency,
      durationSeconds,
      log,
    });
  }
  results.jsBytes = measureJsBytes(root);
  if (only.has('shell')) results.shell = await benchShell({ url: system.url, log });
  if (only.has('lighthouse')) {
    const resultsDir = path.join(root, 'bench', 'results');
    results.lighthouse = await benchLighthouse({ url: system.url, log, resultsDir });
  }
  results.elapsedSeconds = Math.round((Date.now() - started) / 1000);
  const markdown = renderReport(results);
  process.stdout.write(`\n${markdown}\n`);
  const out = path.join(root, 'bench', 'results');
  mkdirSync(out, { recursive: true });
  const stamp = results.at.replace(/[:.]/g, '-');
  writeFileSync(path.join(out, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(path.join(out, `${stamp}.json`), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(path.join(out, 'latest.md'), `${markdown}\n`);
  log(`wrote bench/results/latest.{md,json} in ${results.elapsedSeconds}s`);
} finally {
  await system.stop();
  await redis.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

function machine(): string {
  const cpus = (spawnSync('nproc').stdout?.toString() ?? '?').trim();
  return `${cpus} cores, Node ${process.version}, ${process.platform}`;
}
