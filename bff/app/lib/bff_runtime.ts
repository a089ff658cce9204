import type { EggAppConfig, EggLogger } from 'egg';
import { LRUCache } from 'lru-cache';
import { Pool } from 'undici';
import { SERVICE_OF_TYPE } from './cache/cache_ttl.js';
import { createEntityCache } from './cache/entity_cache.js';
import type { EntityCache } from './cache/entity_cache.js';
import { createCacheStore } from './cache/create_cache_store.js';
import { createResponseCache } from './cache/response_cache.js';
import type { ResponseCache } from './cache/response_cache.js';
import { createTagVersions } from './cache/tag_versions.js';
import type { TagVersions } from './cache/tag_versions.js';
import { shareMetrics } from './cluster_metrics.js';
import { createMetrics } from './metrics.js';
import type { BffMetrics } from './metrics.js';
import { mosaicConfig } from './mosaic_config.js';
import type { UpstreamName } from './mosaic_config.js';
import { createUpstreamPolicy } from './upstream/upstream_policy.js';
import type { UpstreamPolicy } from './upstream/upstream_policy.js';

const CACHE_PREFIX = 'mosaic:v1';

/**
 * What lives as long as the app (one per Egg worker): metrics, the entity and response caches,
 * a keep-alive connection pool per service and the circuit breakers. Nothing here is state another
 * instance needs: caches, tag versions and sign-in limits are shared through Redis, and breakers
 * are a local judgement of local failures.
 */
export interface BffRuntime {
  metrics: BffMetrics;
  cache: EntityCache;
  /** Whole GraphQL answers (see app/graphql/plugins/use_response_cache.ts). */
  responses: ResponseCache;
  /** Versions of the tags answers were built from. */
  versions: TagVersions;
  /** Keep-alive connections to one service. */
  pool(service: UpstreamName): Pool;
  /**
   * The breaker of one service for one tenant: a tenant whose calls fail (bad input that makes a
   * service fall over, a pathological search) opens only its own circuit, never everyone's.
   */
  policy(service: UpstreamName, tenantId: string): UpstreamPolicy;
  /** Retire every cached answer that read one of these tags, in every instance. */
  invalidate(tenantId: string, tags: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

interface AppLike {
  config: EggAppConfig;
  logger: EggLogger;
}

/** The app's runtime: made once per app by `app.mosaicRuntime` (app/extend/application.ts). */
export function createRuntime(app: AppLike): BffRuntime {
  const config = mosaicConfig(app);
  const metrics = createMetrics();
  shareMetrics(metrics.registry);
  // Made after the store (it needs its client), cleared by the store's outage handling.
  const late: { responses?: ResponseCache } = {};
  let storeDown = false;
  const store = createCacheStore({
    ...config,
    prefix: CACHE_PREFIX,
    // Once per outage, not once per failed command: the BFF keeps answering from the services.
    onStateChange: (state, detail) => {
      metrics.cacheStoreTransitions.inc({ store: 'redis', to: state });
      storeDown = state === 'down';
      // Answers kept in memory may have missed invalidations while Redis was away.
      late.responses?.clear();
      if (state === 'down') {
        app.logger.warn('[bff] redis unavailable, answering from the services: %s', detail);
      } else app.logger.warn('[bff] redis is back, caching again: %s', detail);
    },
  });
  const versions = createTagVersions({
    client: store.client,
    prefix: CACHE_PREFIX,
    onChannelChange: () => late.responses?.clear(),
  });
  const responses = createResponseCache({
    versions,
    client: store.client,
    prefix: CACHE_PREFIX,
    enabled: config.responseCache && config.cacheMaxEntries > 0,
    storeUp: () => !storeDown,
  });
  late.responses = responses;

  async function invalidate(tenantId: string, tags: readonly string[]): Promise<void> {
    try {
      await versions.bump(tenantId, tags);
    } catch (err) {
      // Redis is away: its outage handling drops every cached answer when it is back, and
      // answers are not served meanwhile (the invalidation channel is down too).
      metrics.cacheErrors.inc({ store: store.kind });
      responses.clear();
      app.logger.warn('[bff] could not retire cached answers: %s', (err as Error).message);
    }
  }

  const cache = createEntityCache({
    store,
    metrics,
    prefix: CACHE_PREFIX,
    // Answers that showed these entities, or a list they feed, are retired with them.
    onInvalidate: (type, tenant, ids) => {
      const service = SERVICE_OF_TYPE[type];
      const tags = ids.map((id) => `${type}:${id}`);
      return invalidate(tenant, service ? [...tags, `list:${service}`] : tags);
    },
  });
  const pools = new Map<UpstreamName, Pool>();
  const policies = new LRUCache<string, UpstreamPolicy>({ max: 20_000 });
  return {
    metrics,
    cache,
    responses,
    versions,
    pool(service) {
      let pool = pools.get(service);
      if (!pool) {
        pool = new Pool(config.upstreams[service], {
          connections: 64,
          keepAliveTimeout: 10_000,
          pipelining: 1,
        });
        pools.set(service, pool);
      }
      return pool;
    },
    policy(service, tenantId) {
      const key = `${service}\u0000${tenantId}`;
      let policy = policies.get(key);
      if (!policy) {
        policy = createUpstreamPolicy();
        policies.set(key, policy);
      }
      return policy;
    },
    invalidate,
    async close() {
      await Promise.all([...pools.values()].map((pool) => pool.close().catch(() => undefined)));
      await versions.close();
      await store.close();
    },
  };
}
