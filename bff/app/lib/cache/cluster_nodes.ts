/** One seed node of a Redis Cluster. */
export interface ClusterNodeAddress {
  host: string;
  port: number;
}

/**
 * `REDIS_CLUSTER_NODES` (`host:port,host:port,…`) as addresses; unset or blank: `undefined`.
 * Any master or replica will do as a seed: ioredis asks it for the whole slot map.
 */
export function parseClusterNodes(value: string | undefined): ClusterNodeAddress[] | undefined {
  if (!value?.trim()) return undefined;
  return value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const match = /^(?<host>\[[^\]]+\]|[^:[\]]+):(?<port>\d{1,5})$/.exec(part);
      const port = Number(match?.groups?.port);
      if (!match?.groups?.host || !(port > 0 && port <= 65535)) {
        throw new Error(
          `REDIS_CLUSTER_NODES has '${part}', which is not host:port: list seed nodes like 'redis-0:6379,redis-1:6379'`,
        );
      }
      return { host: match.groups.host.replace(/^\[|\]$/g, ''), port };
    });
}
