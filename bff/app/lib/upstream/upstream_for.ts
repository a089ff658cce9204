import type { Context } from 'egg';
import { mosaicConfig } from '../mosaic_config.js';
import type { UpstreamName } from '../mosaic_config.js';
import { requestState } from '../http/request_state.js';
import { createUpstreamClient } from './upstream_client.js';
import type { UpstreamClient } from './upstream_client.js';
import { upstreamHeaders } from './upstream_headers.js';

/**
 * Writes to one service change what lists of others show: an order confirmed by sales moves
 * stock in inventory (sales calls inventory itself, behind the BFF's back).
 */
const LISTS_A_WRITE_CHANGES: Partial<Record<UpstreamName, readonly string[]>> = {
  catalog: ['list:catalog'],
  pricing: ['list:pricing'],
  inventory: ['list:inventory'],
  party: ['list:party'],
  sales: ['list:sales', 'list:inventory'],
};

/**
 * A client for one domain service, acting for `tenantId` within this request: tracing headers,
 * the request's time budget, a keep-alive pool, the tenant's circuit breaker and read retries,
 * metrics and the request's call count. Reads tag the request's answer with the lists they
 * showed (`list:<service>`); writes mark those lists touched, to be retired before the answer.
 */
export function upstreamFor(ctx: Context, service: UpstreamName, tenantId: string): UpstreamClient {
  const config = mosaicConfig(ctx.app);
  const runtime = ctx.app.mosaicRuntime;
  const state = requestState(ctx);
  const client = createUpstreamClient({
    name: service,
    baseUrl: config.upstreams[service],
    timeoutMs: config.upstreamTimeoutMs,
    deadline: state.deadline,
    headers: upstreamHeaders(ctx, tenantId),
    dispatcher: runtime.pool(service),
    policy: runtime.policy(service, tenantId),
    onCall({ ms, outcome }) {
      state.upstreamCalls = (state.upstreamCalls ?? 0) + 1;
      runtime.metrics.upstreamRequests.inc({ service, outcome });
      runtime.metrics.upstreamDuration.observe({ service }, ms / 1000);
    },
  });
  const touch = (): void => {
    state.touched ??= new Set();
    for (const tag of LISTS_A_WRITE_CHANGES[service] ?? []) state.touched.add(tag);
  };
  return {
    get(path, schema) {
      state.tags?.add(`list:${service}`);
      return client.get(path, schema);
    },
    query: client.query,
    post(path, body, schema) {
      touch();
      return client.post(path, body, schema);
    },
    patch(path, body, schema) {
      touch();
      return client.patch(path, body, schema);
    },
    put(path, schema) {
      touch();
      return client.put(path, schema);
    },
    delete(path, schema) {
      touch();
      return client.delete(path, schema);
    },
  };
}
