import type { EggAppConfig, EggLogger } from 'egg';
import { createEntityCache } from './cache/entity_cache.js';
import type { EntityCache } from './cache/entity_cache.js';
import { createCacheStore } from './cache/create_cache_store.js';
import type { WindowCounters } from './cache/window_counters.js';
import { createMetrics } from './metrics.js';
import type { BffMetrics } from './metrics.js';
import { mosaicConfig } from './mosaic_config.js';
import type { UpstreamName } from './mosaic_config.js';
import { createUpstreamPolicy } from './upstream_policy.js';
import type { UpstreamPolicy } from './upstream_policy.js';

const CACHE_PREFIX = 'mosaic:v1';

/**
 * What lives as long as the app (one per Egg worker): metrics, the entity cache and each
 * service's circuit breaker. Nothing here is state another instance needs: the cache and the
 * sign-in limits are shared through Redis, and breakers are a local judgement of local failures.
 */
export interface BffRuntime {
  metrics: BffMetrics;
  cache: EntityCache;
  /** Rate-limit counters on the cache's Redis connection; undefined without Redis. */
  counters: WindowCounters | undefined;
  policy(service: UpstreamName): UpstreamPolicy;
  close(): Promise<void>;
}

interface AppLike {
  config: EggAppConfig;
  logger: EggLogger;
}

const runtimes = new WeakMap<object, BffRuntime>();

/** The app's runtime, made on first use. */
export function runtimeOf(app: AppLike): BffRuntime {
  let runtime = runtimes.get(app);
  if (!runtime) {
    runtime = createRuntime(app);
    runtimes.set(app, runtime);
  }
  return runtime;
}

function createRuntime(app: AppLike): BffRuntime {
  const config = mosaicConfig(app);
  const metrics = createMetrics();
  const store = createCacheStore({
    ...config,
    prefix: CACHE_PREFIX,
    // Once per outage, not once per failed command: the BFF keeps answering from the services.
    onStateChange: (state, detail) => {
      metrics.cacheStoreTransitions.inc({ store: 'redis', to: state });
      if (state === 'down') {
        app.logger.warn('[bff] redis unavailable, answering from the services: %s', detail);
      } else app.logger.warn('[bff] redis is back, caching again: %s', detail);
    },
  });
  const cache = createEntityCache({ store, metrics, prefix: CACHE_PREFIX });
  const policies = new Map<UpstreamName, UpstreamPolicy>();
  return {
    metrics,
    cache,
    counters: store.counters,
    policy(service) {
      let policy = policies.get(service);
      if (!policy) {
        policy = createUpstreamPolicy();
        policies.set(service, policy);
      }
      return policy;
    },
    close: () => store.close(),
  };
}

/** Close the app's runtime (the Redis connection), if it was made. */
export async function closeRuntime(app: object): Promise<void> {
  await runtimes.get(app)?.close();
  runtimes.delete(app);
}
