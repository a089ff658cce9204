import { createHash, timingSafeEqual } from 'node:crypto';
import { Controller } from 'egg';
import { z } from 'zod';
import { instanceMetrics } from '../lib/cluster_metrics.js';
import { BffError, ErrorCode } from '../lib/http/errors.js';
import { mosaicConfig } from '../lib/mosaic_config.js';
import { requestIdOf } from '../lib/http/request_state.js';
import { createUpstreamClient } from '../lib/upstream/upstream_client.js';

const READY_TIMEOUT_MS = 1000;

/** Compare without telling, by timing, how much of a secret a guess got right. */
function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}
const Healthz = z.object({ status: z.string() });

/** Liveness, readiness and metrics for load balancers, `pnpm start` and Prometheus. */
export default class HealthController extends Controller {
  /** GET /healthz: the process answers. */
  async live(): Promise<void> {
    this.ctx.set('cache-control', 'no-store');
    this.ctx.body = { status: 'ok' };
  }

  /**
   * GET /readyz: every service answers its /healthz and the cache store answers; else 503
   * naming the ones that do not. A Redis outage shows here but the BFF still serves queries.
   */
  async ready(): Promise<void> {
    const { ctx } = this;
    const config = mosaicConfig(this.app);
    const checks: Record<string, string> = {};
    const failures: string[] = [];
    const cache = this.app.mosaicRuntime.cache.store;
    await Promise.all([
      ...Object.entries(config.upstreams).map(async ([name, baseUrl]) => {
        const client = createUpstreamClient({
          name,
          baseUrl,
          timeoutMs: READY_TIMEOUT_MS,
          headers: { 'x-request-id': requestIdOf(ctx) },
        });
        try {
          await client.get('/healthz', Healthz);
          checks[name] = 'ok';
        } catch (err) {
          checks[name] = 'unavailable';
          failures.push(err instanceof BffError ? err.message : `${name}: ${String(err)}`);
        }
      }),
      cache.ping().then((ok) => {
        checks[cache.kind] = ok ? 'ok' : 'unavailable';
        if (!ok) failures.push(`${cache.kind} cache does not answer`);
      }),
    ]);
    ctx.set('cache-control', 'no-store');
    if (failures.length === 0) {
      ctx.body = { status: 'ok', checks };
      return;
    }
    ctx.status = 503;
    ctx.body = {
      status: 'unavailable',
      checks,
      error: {
        code: ErrorCode.NOT_READY,
        message: failures.join('; '),
        requestId: requestIdOf(ctx),
      },
    };
  }

  /**
   * GET /metrics: Prometheus text (requests, upstreams, cache hits and misses), for every worker
   * of this instance in cluster mode (lib/cluster_metrics.ts). With
   * `MOSAIC_METRICS_TOKEN` set, only for `Authorization: Bearer <that token>` (Prometheus's
   * `authorization` setting); unset, open, as on a private network.
   */
  async metrics(): Promise<void> {
    const { metricsToken } = mosaicConfig(this.app);
    if (metricsToken && !sameSecret(this.ctx.get('authorization'), `Bearer ${metricsToken}`)) {
      throw new BffError(
        ErrorCode.UNAUTHENTICATED,
        '/metrics needs Authorization: Bearer <MOSAIC_METRICS_TOKEN>; ask the operator for it',
      );
    }
    const { registry } = this.app.mosaicRuntime.metrics;
    const { text, scope } = await instanceMetrics(registry);
    this.ctx.set('cache-control', 'no-store');
    this.ctx.set('x-mosaic-metrics-scope', scope);
    this.ctx.type = registry.contentType;
    this.ctx.body = text;
  }
}
