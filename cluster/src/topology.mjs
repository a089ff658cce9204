// Where each part of the cluster topology listens: every port is an offset from the public
// port, so two topologies on one machine only need two PORTs.

/**
 * @typedef {object} Topology
 * @property {number} port HAProxy's public frontend (the BFF instances behind it)
 * @property {number[]} bff one port per BFF instance
 * @property {Record<string, { frontend: number, stable: number, canary: number }>} services per
 *   service: HAProxy's frontend (the URL the BFF and other services use), the stable instance,
 *   the canary instance's slot (used only when a canary runs)
 * @property {number[]} redis one port per Redis master
 * @property {number[]} redisBus each master's cluster bus port (set explicitly: the default,
 *   port + 10000, could land in someone else's range)
 * @property {{ primary: number, replica: number }} postgres
 * @property {number} stats HAProxy's stats page (/stats) and its Prometheus exporter (/metrics)
 */

/**
 * The ports of a topology on `port`, with `bffInstances` BFF instances:
 * port (HAProxy), +1.. (BFF instances), +9 (HAProxy stats), +11.. (service frontends),
 * +21.. (stable services), +31.. (canary services), +41..+43 (Redis), +44..+46 (Redis bus),
 * +51 (PostgreSQL primary), +52 (replica).
 * @param {number} port @param {string[]} serviceNames @param {number} bffInstances
 * @returns {Topology}
 */
export function topologyOn(port, serviceNames, bffInstances) {
  if (bffInstances < 1 || bffInstances > 8) {
    throw new Error(`BFF_INSTANCES=${bffInstances}: use 1 to 8 (default 2)`);
  }
  if (!(port > 0 && port + 60 <= 65535)) {
    throw new Error(`PORT=${port}: the topology uses PORT to PORT+60; pick a port from 1 to 65475`);
  }
  return {
    port,
    bff: Array.from({ length: bffInstances }, (_, i) => port + 1 + i),
    services: Object.fromEntries(
      serviceNames.map((name, i) => [
        name,
        { frontend: port + 11 + i, stable: port + 21 + i, canary: port + 31 + i },
      ]),
    ),
    redis: [port + 41, port + 42, port + 43],
    redisBus: [port + 44, port + 45, port + 46],
    postgres: { primary: port + 51, replica: port + 52 },
    stats: port + 9,
  };
}
