import type { Context } from 'egg';
import { runtimeOf } from './bff_runtime.js';
import { mosaicConfig } from './mosaic_config.js';
import type { UpstreamName } from './mosaic_config.js';
import { requestState } from './request_state.js';
import { createUpstreamClient } from './upstream_client.js';
import type { UpstreamClient } from './upstream_client.js';
import { upstreamHeaders } from './upstream_headers.js';

/**
 * A client for one domain service, acting for `tenantId` within this request: tracing headers,
 * timeout, the service's circuit breaker and read retries, metrics and the request's call count.
 */
export function upstreamFor(ctx: Context, service: UpstreamName, tenantId: string): UpstreamClient {
  const config = mosaicConfig(ctx.app);
  const runtime = runtimeOf(ctx.app);
  const state = requestState(ctx);
  return createUpstreamClient({
    name: service,
    baseUrl: config.upstreams[service],
    timeoutMs: config.upstreamTimeoutMs,
    headers: upstreamHeaders(ctx, tenantId),
    policy: runtime.policy(service),
    onCall({ ms, outcome }) {
      state.upstreamCalls = (state.upstreamCalls ?? 0) + 1;
      runtime.metrics.upstreamRequests.inc({ service, outcome });
      runtime.metrics.upstreamDuration.observe({ service }, ms / 1000);
    },
  });
}
