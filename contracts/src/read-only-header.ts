/**
 * A request header the apps' GraphQL client sets to `1` on a query (never on a mutation): the
 * BFF refuses it on anything but a query, so a load balancer may replay a marked POST that an
 * instance died while answering (cluster/src/haproxy-config.mjs) without doing a write twice.
 */
export const READ_ONLY_HEADER = 'x-mosaic-read-only';
