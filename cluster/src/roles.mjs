// What each kind of process of the topology runs, is given and is checked on. start-cluster.mjs
// starts them from here, and deploy/'s code-agreement test holds the Kubernetes manifests to the
// same commands, variable names and health route.

/** The route HAProxy's health checks (and Kubernetes' probes) ask. */
export const HEALTH_PATH = '/healthz';

/** The BFF instance's command: Egg's cluster mode, BFF_WORKERS workers behind one port. */
export const BFF_SCRIPT = 'bff/dist/cluster.js';

/** @param {string} name @returns {string} a service's command */
export const serviceScript = (name) => `services/dist/${name}/main.js`;

/**
 * Variables that only make sense on one machine, so a deployment need not set them: where the
 * shell's files are, and the ports the topology spreads over loopback (a pod has its own).
 */
export const MACHINE_LOCAL = ['SHELL_DIST', /^[A-Z]+_PORT$/];

/**
 * A BFF instance's environment.
 * @param {{ port: number, workers: number, dataDir: string, shellDist: string, publishToken: string,
 *   redisNodes: string, serviceUrls: Record<string, string> }} o
 * @returns {Record<string, string>}
 */
export function bffEnv(o) {
  return {
    ...o.serviceUrls,
    PORT: String(o.port),
    HOST: '127.0.0.1',
    BFF_WORKERS: String(o.workers),
    // Shared by every instance: the registry they serve and the session secret they sign with.
    MOSAIC_DATA_DIR: o.dataDir,
    SHELL_DIST: o.shellDist,
    MOSAIC_PUBLISH_TOKEN: o.publishToken,
    REDIS_CLUSTER_NODES: o.redisNodes,
    // HAProxy appends the client's address to X-Forwarded-For.
    MOSAIC_TRUSTED_PROXIES: '1',
  };
}

/**
 * A service instance's environment: every service's URL (HAProxy's frontends), the primary and
 * the replica, and for a canary build its variant.
 * @param {{ portVariable: string, port: number, dataDir: string, primaryUrl: string,
 *   replicaUrl: string, serviceUrls: Record<string, string>, variant?: string }} o
 * @returns {Record<string, string>}
 */
export function serviceEnv(o) {
  return {
    ...o.serviceUrls,
    DATABASE_URL: o.primaryUrl,
    DATABASE_REPLICA_URL: o.replicaUrl,
    MOSAIC_DATA_DIR: o.dataDir,
    HOST: '127.0.0.1',
    [o.portVariable]: String(o.port),
    ...(o.variant ? { MOSAIC_SERVICE_VARIANT: o.variant } : {}),
  };
}
