import { Redis } from 'ioredis';
import type { CacheStore } from './cache_store.js';

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
 * The shared cache in Redis. Commands fail fast while Redis is away (no offline queue, one
 * attempt), so callers fall back to the services at once; ioredis reconnects in the background
 * with a capped backoff, and the store is used again as soon as it is back.
 */
export function createRedisStore(options: RedisStoreOptions): CacheStore {
  const { url, onStateChange, commandTimeoutMs = 250, prefix } = options;
  const redis = new Redis(url, {
    lazyConnect: false,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 1000,
    commandTimeout: commandTimeoutMs,
    retryStrategy: (attempt) => Math.min(attempt * 100, 1000),
  });
  let state: 'starting' | 'up' | 'down' = 'starting';
  redis.on('ready', () => {
    if (state === 'down') {
      onStateChange('up', `reconnected to ${redactUrl(url)}`);
      void dropPrefix(redis, `${prefix}:*`).catch(() => undefined);
    }
    state = 'up';
  });
  // An outage starts at the first sign of it: a lost connection ('close') often comes with no
  // 'error' at all when Redis is back before the next reconnect attempt.
  let closing = false;
  const down = (detail: string): void => {
    if (closing) return;
    if (state !== 'down') onStateChange('down', `${redactUrl(url)}: ${detail}`);
    state = 'down';
  };
  redis.on('error', (err: Error) => down(err.message));
  redis.on('close', () => down('connection closed'));
  redis.on('end', () => down('connection ended'));

  return {
    kind: 'redis',
    async mget(keys) {
      return keys.length === 0 ? [] : redis.mget(...keys);
    },
    async mset(entries) {
      if (entries.length === 0) return;
      const pipeline = redis.multi();
      for (const { key, value, ttlSeconds } of entries) pipeline.set(key, value, 'EX', ttlSeconds);
      const results = await pipeline.exec();
      const failed = results?.find(([err]) => err);
      if (failed?.[0]) throw failed[0];
    },
    async del(keys) {
      if (keys.length > 0) await redis.del(...keys);
    },
    async ping() {
      try {
        return (await redis.ping()) === 'PONG';
      } catch {
        return false;
      }
    },
    async close() {
      closing = true;
      redis.disconnect();
    },
  };
}

/** Delete every key matching `pattern`, in batches (SCAN, never KEYS). */
async function dropPrefix(redis: Redis, pattern: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
    if (keys.length > 0) await redis.unlink(...keys);
    cursor = next;
  } while (cursor !== '0');
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
