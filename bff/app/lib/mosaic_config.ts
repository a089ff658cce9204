import type { ServiceName } from '@mosaic/contracts';
import type { EggAppConfig } from 'egg';
import type { ClusterNodeAddress } from './cache/cluster_nodes.js';
import type { RegistryConfig } from './registry/registry_config.js';

/**
 * Base URLs of the domain services the BFF aggregates (`<NAME>_URL`, e.g. `CATALOG_URL`; default
 * `http://127.0.0.1:<port>` with the port from @mosaic/contracts' service list).
 */
export type UpstreamUrls = Record<ServiceName, string>;

export type UpstreamName = keyof UpstreamUrls;

/** Limits on what one GraphQL request may ask for. */
export interface GraphqlLimits {
  /** Deepest selection nesting (`GRAPHQL_MAX_DEPTH`). @default 8 */
  maxDepth: number;
  /** Static cost ceiling, graphql-armor's model (`GRAPHQL_MAX_COST`). @default 5000 */
  maxCost: number;
  /** Most aliases per operation (`GRAPHQL_MAX_ALIASES`). @default 15 */
  maxAliases: number;
  /** Most lexical tokens per document (`GRAPHQL_MAX_TOKENS`). @default 2000 */
  maxTokens: number;
  /** Allow `__schema`/`__type` queries. @default false in the `prod` env, true elsewhere */
  introspection: boolean;
}

/** The BFF's own settings, read from the environment in `config/config.default.ts`. */
export interface MosaicConfig {
  /** Data folder (`MOSAIC_DATA_DIR`). @default '<repo>/.data' */
  dataDir: string;
  /** Sub-app registry folder. @default '$MOSAIC_DATA_DIR/registry/apps' */
  registryDir: string;
  /** Built shell served at `/` (`SHELL_DIST`). @default '<repo>/shell/dist' */
  shellDist: string;
  /** The domain services. */
  upstreams: UpstreamUrls;
  /** Per-call upstream timeout in ms (`UPSTREAM_TIMEOUT_MS`). @default 5000 */
  upstreamTimeoutMs: number;
  /**
   * Time budget of one GraphQL query in ms (`REQUEST_BUDGET_MS`): a service that hangs costs this,
   * and the answer then carries what the others gave. Mutations get at least `upstreamTimeoutMs`.
   * @default 3000
   */
  requestBudgetMs: number;
  /**
   * Token Prometheus must send to read /metrics (`MOSAIC_METRICS_TOKEN`, 16+ characters);
   * unset: /metrics is open (keep the port private then).
   */
  metricsToken: string | undefined;
  /** Cache whole query answers (`RESPONSE_CACHE=0` turns it off). @default true */
  responseCache: boolean;
  /** Redis for the entity cache (`REDIS_URL`); unset: a bounded in-memory cache per process. */
  redisUrl: string | undefined;
  /**
   * Redis Cluster for the entity cache (`REDIS_CLUSTER_NODES=host:port,…`, seed nodes); unset: see
   * `redisUrl`. Setting both is refused at boot.
   */
  redisClusterNodes: ClusterNodeAddress[] | undefined;
  /** Most entries of the in-memory cache (`CACHE_MAX_ENTRIES`). @default 10000 */
  cacheMaxEntries: number;
  /** Session token signing secret (`MOSAIC_SESSION_SECRET`); generated and kept in the data dir when unset. */
  sessionSecret: string | undefined;
  /** Session lifetime in seconds. @default 43200 (12 hours) */
  sessionTtlSeconds: number;
  /** Show unexpected error messages to clients (only in the `local` Egg env). @default false */
  exposeInternalErrors: boolean;
  /** GraphQL request limits. */
  graphql: GraphqlLimits;
  /** Print one JSON access line per request on stdout (`ACCESS_LOG=0` turns it off). @default true */
  accessLog: boolean;
  /** Sub-app registry limits and rules. */
  registry: RegistryConfig;
  /**
   * Whether browsers may load a developer's local build of an app in place of the published one
   * (`MOSAIC_DEV_OVERRIDES=on|off`). Unset: not sent, and the shell allows it only when it is
   * itself served from localhost. Set `off` on every shared or production deployment.
   * @default undefined
   */
  devOverrides: boolean | undefined;
  /**
   * Origins the shell and apps may load images from besides their own (`MOSAIC_IMAGE_HOSTS`,
   * comma-separated, e.g. `https://img.example.com`): the Content-Security-Policy's img-src.
   * @default []
   */
  imageHosts: string[];
}

export function mosaicConfig(app: { config: EggAppConfig }): MosaicConfig {
  return app.config.mosaic as MosaicConfig;
}
