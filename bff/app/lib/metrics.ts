import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The BFF's Prometheus metrics, one registry per app (tests boot several apps in one process). */
export interface BffMetrics {
  registry: Registry;
  graphqlRequests: Counter<'operation' | 'outcome'>;
  graphqlDuration: Histogram<'operation'>;
  upstreamRequests: Counter<'service' | 'outcome'>;
  upstreamDuration: Histogram<'service'>;
  cacheLookups: Counter<'type' | 'result'>;
  cacheErrors: Counter<'store'>;
  cacheStoreTransitions: Counter<'store' | 'to'>;
  responseCache: Counter<'result'>;
  /** Canaries this BFF suspended after too many failure reports. */
  canarySuspensions: Counter<'app'>;
}

/** Create the registry with request, upstream and cache metrics (plus Node's defaults). */
export function createMetrics(): BffMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'bff_' });
  const registers = [registry];
  return {
    registry,
    graphqlRequests: new Counter({
      name: 'bff_graphql_requests_total',
      help: 'GraphQL operations by operation name (known operations only, else "other") and outcome (ok, error, refused).',
      labelNames: ['operation', 'outcome'],
      registers,
    }),
    graphqlDuration: new Histogram({
      name: 'bff_graphql_duration_seconds',
      help: 'GraphQL operation latency by operation name.',
      labelNames: ['operation'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    }),
    upstreamRequests: new Counter({
      name: 'bff_upstream_requests_total',
      help: 'Calls to domain services by service and outcome (ok, error, circuit_open).',
      labelNames: ['service', 'outcome'],
      registers,
    }),
    upstreamDuration: new Histogram({
      name: 'bff_upstream_duration_seconds',
      help: 'Latency of calls to domain services.',
      labelNames: ['service'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    }),
    cacheLookups: new Counter({
      name: 'bff_cache_lookups_total',
      help: 'Entity cache lookups by entity type and result (hit, miss). Hit ratio = hit / all.',
      labelNames: ['type', 'result'],
      registers,
    }),
    cacheErrors: new Counter({
      name: 'bff_cache_errors_total',
      help: 'Cache store failures (the BFF then answers from the services).',
      labelNames: ['store'],
      registers,
    }),
    cacheStoreTransitions: new Counter({
      name: 'bff_cache_store_transitions_total',
      help: 'Times the shared cache store went down or came back (one per outage, not per error).',
      labelNames: ['store', 'to'],
      registers,
    }),
    responseCache: new Counter({
      name: 'bff_response_cache_total',
      help: 'Queries answered from the response cache (hit), computed and stored (miss), or not cacheable (bypass).',
      labelNames: ['result'],
      registers,
    }),
    canarySuspensions: new Counter({
      name: 'bff_canary_suspensions_total',
      help: 'Canaries suspended because failure reports from their users passed the threshold (MOSAIC_CANARY_SUSPEND_*).',
      labelNames: ['app'],
      registers,
    }),
  };
}
