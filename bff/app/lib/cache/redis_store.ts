import { Redis } from 'ioredis';
import type { CacheStore } from './cache_store.js';
import {
  dropMatching,
  failFastOptions,
  reconnectBackoff,
  redisCommands,
} from './redis_commands.js';
import { createStoreState } from './store_state.js';

/** Options of createRedisStore. */
export interface RedisStoreOptions {
  /** `redis://…` (`REDIS_URL`). */
  url: string;
  /** Told once when Redis goes away and once when it is back, never per failed command. */
  onStateChange: (state: 'down' | 'up', detail: string) => void;
  /** Give up on one command after this many ms, so a hung Redis never stalls a query. @default 250 */
  commandTimeoutMs?: number;
  /**
   * Keys matching `<prefix>:*` are dropped when Redis comes back: invalidations made while it was
   * away never reached it, so what it still holds may be stale.
   */
  prefix: string;
}

/**
 * The shared cache in one Redis. Commands fail fast while Redis is away (no offline queue, one
 * attempt), so callers fall back to the services at once; ioredis reconnects in the background
 * with a capped backoff, and the store is used again as soon as it is back.
 */
export function createRedisStore(options: RedisStoreOptions): CacheStore {
  const { url, onStateChange, commandTimeoutMs = 250, prefix } = options;
  const redis = new Redis(url, {
    ...failFastOptions(commandTimeoutMs),
    lazyConnect: false,
    enableOfflineQueue: false,
    retryStrategy: reconnectBackoff,
  });
  const where = redactUrl(url);
  const state = createStoreState({
    onStateChange,
    onBack: () => dropMatching([redis], `${prefix}:*`),
  });
  redis.on('ready', () => state.up(`reconnected to ${where}`));
  // An outage starts at the first sign of it: a lost connection ('close') often comes with no
  // 'error' at all when Redis is back before the next reconnect attempt.
  redis.on('error', (err: Error) => state.down(`${where}: ${err.message}`));
  redis.on('close', () => state.down(`${where}: connection closed`));
  redis.on('end', () => state.down(`${where}: connection ended`));

  return {
    kind: 'redis',
    client: redis,
    ...redisCommands(redis),
    async ping() {
      try {
        return (await redis.ping()) === 'PONG';
      } catch {
        return false;
      }
    },
    async close() {
      state.close();
      redis.disconnect();
    },
  };
}

/** The URL without its password, for logs. */
function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'REDIS_URL';
  }
}
