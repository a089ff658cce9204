// HAProxy's configuration for the cluster topology: the public frontend over the BFF instances,
// and one frontend per service that sends canary-tagged calls to the service's canary instance.
import { HEALTH_PATH } from './roles.mjs';

// Only GET and HEAD are replayed once a request reached an instance: a POST (every GraphQL call,
// mutations among them; a service's write), PUT or DELETE may have been carried out by an instance
// that died before answering, and an L7 retry would do it twice (a stock adjustment counted
// twice). They keep the retry that is always safe: when no connection was made.
const READS_ONLY_REPLAYED = '  http-request disable-l7-retry unless METH_GET';
// At the BFF, a POST the apps' client marks read-only (a GraphQL query: contracts'
// READ_ONLY_HEADER) is replayed too. The BFF refuses the mark on a mutation before running it,
// so a marked request that was carried out wrote nothing.
const READS_REPLAYED_AT_BFF =
  '  http-request disable-l7-retry unless METH_GET || { req.hdr(x-mosaic-read-only) -m found }';

/**
 * @param {import('./topology.mjs').Topology} topology
 * @param {{ canaries: string[], socket: string }} options services that have a canary instance,
 *   and the admin socket (`show servers state`, `disable server`)
 * @returns {string}
 */
export function haproxyConfig(topology, { canaries, socket }) {
  const lines = [
    'global',
    '  maxconn 4096',
    `  stats socket ${socket} mode 600 level admin`,
    '',
    'defaults',
    '  mode http',
    '  option http-keep-alive',
    '  timeout connect 1s',
    '  timeout client 60s',
    '  timeout server 30s',
    '  timeout http-request 10s',
    '  timeout queue 5s',
    // A request that could not reach a server (refused, reset before any answer, 503 while an
    // instance shuts down) goes to another one. Past the connection, only for reads: see
    // `disable-l7-retry` below.
    '  retries 3',
    '  option redispatch 1',
    '  retry-on conn-failure empty-response junk-response 503',
    // Quick health checks: an instance that stops answering /healthz leaves the rotation within
    // about a second, and comes back after two good checks.
    '  default-server inter 500ms fastinter 250ms downinter 500ms fall 2 rise 2',
    '',
    'frontend stats',
    `  bind 127.0.0.1:${topology.stats}`,
    '  http-request use-service prometheus-exporter if { path /metrics }',
    '  stats enable',
    '  stats uri /stats',
    '',
    'frontend public',
    `  bind 127.0.0.1:${topology.port}`,
    '  option forwardfor',
    READS_REPLAYED_AT_BFF,
    '  default_backend bff',
    '',
    'backend bff',
    '  balance roundrobin',
    `  option httpchk GET ${HEALTH_PATH}`,
    '  http-check expect status 200',
    ...topology.bff.map((port, i) => `  server bff-${i + 1} 127.0.0.1:${port} check`),
  ];
  for (const [name, ports] of Object.entries(topology.services)) {
    const canary = canaries.includes(name);
    lines.push(
      '',
      `frontend ${name}`,
      `  bind 127.0.0.1:${ports.frontend}`,
      READS_ONLY_REPLAYED,
      // Full-link canary: a call tagged canary goes to the canary instance while one is up.
      ...(canary
        ? [
            `  use_backend ${name}-canary if { req.hdr(x-mosaic-env) -m str canary } { nbsrv(${name}-canary) gt 0 }`,
          ]
        : []),
      `  default_backend ${name}`,
      '',
      `backend ${name}`,
      `  option httpchk GET ${HEALTH_PATH}`,
      `  server ${name} 127.0.0.1:${ports.stable} check`,
    );
    if (canary) {
      lines.push(
        '',
        `backend ${name}-canary`,
        `  option httpchk GET ${HEALTH_PATH}`,
        `  server ${name}-canary 127.0.0.1:${ports.canary} check`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
