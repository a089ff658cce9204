import { Controller } from 'egg';
import { z } from 'zod';
import { BffError, ErrorCode } from '../lib/errors.js';
import { mosaicConfig } from '../lib/mosaic_config.js';
import { requestIdOf } from '../lib/request_state.js';
import { createUpstreamClient } from '../lib/upstream_client.js';

const READY_TIMEOUT_MS = 1000;
const Healthz = z.object({ status: z.string() });

/** Liveness and readiness for load balancers and `pnpm start`. */
export default class HealthController extends Controller {
  /** GET /healthz: the process answers. */
  async live(): Promise<void> {
    this.ctx.set('cache-control', 'no-store');
    this.ctx.body = { status: 'ok' };
  }

  /** GET /readyz: every upstream answers its /healthz; else 503 naming the ones that do not. */
  async ready(): Promise<void> {
    const { ctx } = this;
    const config = mosaicConfig(this.app);
    const upstreams = { catalog: config.catalogUrl, inventory: config.inventoryUrl };
    const checks: Record<string, string> = {};
    const failures: string[] = [];
    await Promise.all(
      Object.entries(upstreams).map(async ([name, baseUrl]) => {
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
    );
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
}
