import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCluster } from 'egg';
import { environmentOrExit } from './config/environment.js';
import { serveClusterMetrics } from './app/lib/cluster_metrics.js';

/**
 * Production start: Egg's cluster mode, one app worker per core (`BFF_WORKERS` overrides) behind
 * one port, plus Egg's agent. Workers share nothing the BFF needs: sessions are signed tokens and
 * the cache is Redis (with REDIS_URL; without it each worker keeps its own memory cache).
 * /metrics sums every worker of the instance (the master gathers them: lib/cluster_metrics.ts);
 * scrape each instance.
 */
const baseDir = path.dirname(fileURLToPath(import.meta.url));
// Egg defaults to `local` (which shows internal errors) when NODE_ENV is not production.
process.env.EGG_SERVER_ENV ??= 'prod';

const env = environmentOrExit();
serveClusterMetrics();

await startCluster({
  baseDir,
  framework: path.dirname(fileURLToPath(import.meta.resolve('egg/package.json'))),
  workers: env.BFF_WORKERS ?? os.availableParallelism(),
  port: env.PORT,
});
