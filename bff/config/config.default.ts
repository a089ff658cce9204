import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { EggAppConfig, EggAppInfo, PowerPartial } from 'egg';
import { BffError, ErrorCode } from '../app/lib/http/errors.js';
import type { MosaicConfig } from '../app/lib/mosaic_config.js';
import { parseClusterNodes } from '../app/lib/cache/cluster_nodes.js';
import { parseImageHosts } from '../app/lib/http/content_security_policy.js';
import { readEnvironment } from './environment.js';

const API_PATHS = /^\/(?:api|graphql)(?:\/|$)/;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export default (appInfo: EggAppInfo): PowerPartial<EggAppConfig> => {
  // baseDir is bff/dist when built; the repo root is two levels up either way.
  const repoRoot = path.resolve(appInfo.baseDir, '..', '..');
  const env = readEnvironment();
  const dataDir = path.resolve(repoRoot, env.MOSAIC_DATA_DIR ?? '.data');
  const redisUrl = env.REDIS_URL;
  const redisClusterNodes = parseClusterNodes(env.REDIS_CLUSTER_NODES);
  if (redisUrl && redisClusterNodes) {
    throw new Error(
      'both REDIS_URL and REDIS_CLUSTER_NODES are set: set REDIS_URL for one Redis, or REDIS_CLUSTER_NODES for a Redis Cluster, not both',
    );
  }
  // How many reverse proxies in front of the BFF append to X-Forwarded-For (an ingress: 1).
  // 0 trusts no header: the client is the socket's peer, so nobody can forge their address.
  const trustedProxies = env.MOSAIC_TRUSTED_PROXIES;

  const mosaic: MosaicConfig = {
    dataDir,
    registryDir: path.join(dataDir, 'registry', 'apps'),
    shellDist: path.resolve(repoRoot, env.SHELL_DIST ?? path.join('shell', 'dist')),
    upstreams: {
      identity: env.IDENTITY_URL,
      catalog: env.CATALOG_URL,
      inventory: env.INVENTORY_URL,
      pricing: env.PRICING_URL,
      party: env.PARTY_URL,
      sales: env.SALES_URL,
    },
    upstreamTimeoutMs: env.UPSTREAM_TIMEOUT_MS,
    requestBudgetMs: env.REQUEST_BUDGET_MS,
    responseCache: env.RESPONSE_CACHE !== '0',
    metricsToken: env.MOSAIC_METRICS_TOKEN,
    redisUrl,
    redisClusterNodes,
    cacheMaxEntries: env.CACHE_MAX_ENTRIES,
    sessionSecret: env.MOSAIC_SESSION_SECRET,
    sessionTtlSeconds: 12 * 60 * 60,
    exposeInternalErrors: appInfo.env === 'local',
    graphql: {
      maxDepth: env.GRAPHQL_MAX_DEPTH,
      maxCost: env.GRAPHQL_MAX_COST,
      maxAliases: env.GRAPHQL_MAX_ALIASES,
      maxTokens: env.GRAPHQL_MAX_TOKENS,
      introspection: env.GRAPHQL_INTROSPECTION
        ? env.GRAPHQL_INTROSPECTION === '1'
        : appInfo.env !== 'prod',
    },
    accessLog: env.ACCESS_LOG !== '0',
    registry: {
      maxArchiveBytes: env.MOSAIC_PUBLISH_MAX_BYTES,
      maxUnpackedBytes: env.MOSAIC_PUBLISH_MAX_UNPACKED_BYTES,
      maxFiles: 2000,
      protocolMajors: env.MOSAIC_PROTOCOL_MAJORS,
      channelsTtlMs: 1000,
      canarySuspend: {
        users: env.MOSAIC_CANARY_SUSPEND_USERS,
        tenants: env.MOSAIC_CANARY_SUSPEND_TENANTS,
        windowMs: env.MOSAIC_CANARY_SUSPEND_WINDOW_MINUTES * 60_000,
      },
    },
    devOverrides: env.MOSAIC_DEV_OVERRIDES ? env.MOSAIC_DEV_OVERRIDES === 'on' : undefined,
    imageHosts: parseImageHosts(env.MOSAIC_IMAGE_HOSTS),
  };

  const rundir = path.join(dataDir, 'run', 'bff');
  // Egg's agent writes run files before any app hook runs, and does not create the folder.
  mkdirSync(rundir, { recursive: true });

  return {
    // Egg insists on keys for signed cookies. The BFF signs none (the session cookie holds a
    // JWT signed with the session secret), so per-process random keys are enough.
    keys: env.MOSAIC_COOKIE_KEYS ?? randomBytes(24).toString('base64url'),
    mosaic,
    // Behind proxies, ctx.ip is the address the outermost trusted proxy saw (the last
    // `trustedProxies` entries of X-Forwarded-For); entries a client wrote before them are ignored.
    proxy: trustedProxies > 0,
    maxIpsCount: trustedProxies,
    // Egg writes its run files and log files under the data dir, not into dist/ or ~/logs.
    rundir,
    // Where cluster mode (cluster.ts) listens; server.ts listens itself.
    cluster: { listen: { port: env.PORT, hostname: env.HOST ?? '127.0.0.1' } },
    logger: {
      dir: path.join(dataDir, 'logs', 'bff'),
      // Operators read stdout: keep console logging after boot (the BFF logs only 5xx).
      disableConsoleAfterReady: false,
      consoleLevel: 'WARN',
    },
    // Our own middleware answers 404s (JSON or the shell) and serves the favicon from the shell.
    notfound: { enable: false },
    siteFile: { enable: false },
    bodyParser: {
      // GraphQL documents and sign-in bodies are small; anything bigger is refused with 413.
      jsonLimit: env.BODY_LIMIT,
      enableTypes: ['json'],
      onerror(err: Error & { status?: number }) {
        if (err.status === 413) {
          throw new BffError(
            ErrorCode.PAYLOAD_TOO_LARGE,
            `request body is over the ${env.BODY_LIMIT} limit: send less (for GraphQL, use variables and persisted operations)`,
            { cause: err },
          );
        }
        throw new BffError(
          ErrorCode.BAD_REQUEST,
          `request body is not valid JSON: ${err.message}`,
          {
            cause: err,
          },
        );
      },
    },
    security: {
      csrf: {
        // Egg's token CSRF would reject every JSON POST from the shell and from Bearer clients.
        // /api and /graphql defend instead with: bodies must be `content-type: application/json`
        // (middleware/require_json.ts; browsers cannot send that cross-site without a CORS
        // preflight, which we never allow) and the session cookie is SameSite=Lax, so no other
        // site's POST carries it. Safe methods are skipped too, so no csrfToken cookie is minted;
        // any other mutating request is refused by Egg (403), which is the default we want.
        ignore: (ctx) => API_PATHS.test(ctx.path) || SAFE_METHODS.has(ctx.method),
      },
      // The shell and sub-apps are same-origin frames at most.
      xframe: { enable: true, value: 'SAMEORIGIN' },
      // No page's address (tenant, order numbers in routes) leaks to image hosts or other sites.
      // The shell's pages also carry a Content-Security-Policy (lib/content_security_policy.ts).
      referrerPolicy: { enable: true, value: 'strict-origin-when-cross-origin' },
    },
    // Egg names middleware by camelCased file name. requestId and errorHandler are unshifted into coreMiddleware by app.ts so they wrap
    // Egg's own middleware (bodyParser errors included); these run after the core ones.
    middleware: ['requireJson'],
    // Publish uploads are .tar.gz, authorised by a publish token (never a cookie), so CSRF does
    // not apply to them.
    requireJson: { ignore: /^\/api\/registry\/apps\/[^/]+\/versions$/ },
  };
};
