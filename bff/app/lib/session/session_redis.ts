import { Cluster, Redis } from 'ioredis';
import type { EggAppConfig, EggLogger } from 'egg';
import { failFastOptions, reconnectBackoff } from '../cache/redis_commands.js';
import { mosaicConfig } from '../mosaic_config.js';

/**
 * The Redis connections of the sign-in limits and the sign-out deny list: one for commands, one
 * for pub/sub (a subscribed connection can run nothing else). Same server and fail-fast settings
 * as the entity cache (`REDIS_URL` or `REDIS_CLUSTER_NODES`), own clients so the cache's code and
 * these stay apart.
 */
export interface SessionRedis {
  /** Commands; fail at once while Redis is away (no offline queue). */
  commands: Redis | Cluster;
  /** A new subscriber connection, closed with the others. */
  subscriber(): Redis | Cluster;
  close(): void;
}

interface AppLike {
  config: EggAppConfig;
  logger: EggLogger;
  lifecycle: { registerBeforeClose(fn: () => Promise<void> | void): void };
}

const COMMAND_TIMEOUT_MS = 250;
/**
 * The app's session Redis connections (null without Redis), closed with the app: made once per
 * app by `app.sessionRedis` (app/extend/application.ts).
 */
export function createSessionRedis(app: AppLike): SessionRedis | null {
  const made = connectSessionRedis(app);
  if (made) app.lifecycle.registerBeforeClose(() => made.close());
  return made;
}

function connectSessionRedis(app: AppLike): SessionRedis | null {
  const { redisUrl, redisClusterNodes } = mosaicConfig(app);
  if (!redisUrl && !redisClusterNodes) return null;
  const clients: (Redis | Cluster)[] = [];
  const connect = (subscriber: boolean): Redis | Cluster => {
    const client = redisClusterNodes
      ? new Cluster(
          redisClusterNodes.map(({ host, port }) => ({ host, port })),
          {
            enableOfflineQueue: subscriber,
            scaleReads: 'master',
            clusterRetryStrategy: reconnectBackoff,
            clusterNodeRetryStrategy: reconnectBackoff,
            redisOptions: failFastOptions(COMMAND_TIMEOUT_MS),
          },
        )
      : new Redis(redisUrl as string, {
          ...failFastOptions(COMMAND_TIMEOUT_MS),
          // A subscriber has no command timeout: SUBSCRIBE waits for the connection instead.
          ...(subscriber ? { commandTimeout: undefined } : {}),
          enableOfflineQueue: subscriber,
          retryStrategy: reconnectBackoff,
        });
    // Outages are told by the users of these connections (once each); without a listener,
    // ioredis would print every failed reconnect.
    client.on('error', () => undefined);
    clients.push(client);
    return client;
  };
  return {
    commands: connect(false),
    subscriber: () => connect(true),
    close() {
      for (const client of clients) client.disconnect();
    },
  };
}
