import type { EggApplicationCore as Application } from 'egg';
import { createAppGraphqlPipeline } from '../graphql/app_pipeline.js';
import { createFastLane } from '../graphql/pipeline/fast_lane.js';
import type { FastLane } from '../graphql/pipeline/fast_lane.js';
import type { GraphqlPipeline } from '../graphql/pipeline/create_pipeline.js';
import { createRuntime } from '../lib/bff_runtime.js';
import type { BffRuntime } from '../lib/bff_runtime.js';
import { createCanaryFailures } from '../lib/registry/canary_failures.js';
import type { CanaryFailures } from '../lib/registry/canary_failures.js';
import { createGrayChannels } from '../lib/registry/gray_env.js';
import type { GrayChannels } from '../lib/registry/gray_env.js';
import { createRegistryStoreOf } from '../lib/registry/registry_of.js';
import type { RegistryStore } from '../lib/registry/registry_store.js';
import { createSessionRedis } from '../lib/session/session_redis.js';
import type { SessionRedis } from '../lib/session/session_redis.js';
import { createSessionRuntime } from '../service/session.js';
import type { SessionRuntime } from '../service/session.js';

/**
 * What hangs off the application (one per Egg worker), made on first use and kept on the app
 * under a symbol: Egg copies these getters onto `app` (its `app/extend` convention), so every
 * controller, service and middleware reaches them as `this.app.<name>`.
 */
declare module 'egg' {
  interface EggApplicationCore {
    /** Metrics, the entity and response caches, upstream pools and breakers (lib/bff_runtime.ts). */
    readonly mosaicRuntime: BffRuntime;
    /** The schema, its plugins and its prepared operations (graphql/app_pipeline.ts). */
    readonly graphqlPipeline: GraphqlPipeline;
    /** The sub-app registry on disk (lib/registry). */
    readonly registryStore: RegistryStore;
    /** This process's copy of every app's channels, for canary tagging (lib/registry/gray_env.ts). */
    readonly grayChannels: GrayChannels;
    /** Failure reports of canary versions, shared through Redis when there is one. */
    readonly canaryFailures: CanaryFailures;
    /** Redis connections of the sign-in limits and the deny list; null without Redis. */
    readonly sessionRedis: SessionRedis | null;
    /** The session token codec and the sign-out deny list (service/session.ts). */
    readonly sessionRuntime: SessionRuntime;
    /** The headers the fast lane copies onto cached answers (graphql/pipeline/fast_lane.ts). */
    readonly fastLane: FastLane;
  }
}

const made = Symbol('mosaic.extend');

/** `make(app)` once per app; its value every time after. */
function once<T>(app: Application, name: string, make: (app: Application) => T): T {
  const holder = app as unknown as { [made]?: Map<string, unknown> };
  const values = (holder[made] ??= new Map());
  if (!values.has(name)) values.set(name, make(app));
  return values.get(name) as T;
}

export default {
  get mosaicRuntime(): BffRuntime {
    return once(this as unknown as Application, 'mosaicRuntime', createRuntime);
  },
  get graphqlPipeline(): GraphqlPipeline {
    return once(this as unknown as Application, 'graphqlPipeline', createAppGraphqlPipeline);
  },
  get registryStore(): RegistryStore {
    return once(this as unknown as Application, 'registryStore', createRegistryStoreOf);
  },
  get grayChannels(): GrayChannels {
    return once(this as unknown as Application, 'grayChannels', createGrayChannels);
  },
  get canaryFailures(): CanaryFailures {
    return once(this as unknown as Application, 'canaryFailures', (app) =>
      createCanaryFailures(app.sessionRedis?.commands ?? null),
    );
  },
  get sessionRedis(): SessionRedis | null {
    return once(this as unknown as Application, 'sessionRedis', createSessionRedis);
  },
  get sessionRuntime(): SessionRuntime {
    return once(this as unknown as Application, 'sessionRuntime', createSessionRuntime);
  },
  get fastLane(): FastLane {
    return once(this as unknown as Application, 'fastLane', createFastLane);
  },
};
