import type { Cluster, Redis } from 'ioredis';
import type { EggLogger } from 'egg';
import { createStoreState } from '../cache/store_state.js';
import type { SessionRedis } from './session_redis.js';

/** Options of {@link createSessionDenyList}. */
export interface SessionDenyListOptions {
  /** Shared Redis; null keeps the list in this process only (one BFF, no `REDIS_URL`). */
  redis: SessionRedis | null;
  /** Where a Redis outage (and its end) is logged, once each. */
  logger?: Pick<EggLogger, 'warn'>;
  /** Clock in ms, for tests. @default Date.now */
  now?: () => number;
}

/** Signed-out token ids, each kept until its token would have expired anyway. */
export interface SessionDenyList {
  /** Deny the token `jti` in every BFF instance until `expiresAt` (seconds since the epoch). */
  revoke(jti: string, expiresAt: number): Promise<void>;
  /**
   * Whether `jti` was signed out. Answered from this process's copy (no round trip) while the
   * pub/sub subscription keeps it current; while it does not, Redis is asked.
   */
  isRevoked(jti: string): boolean | Promise<boolean>;
  /**
   * Resolves once the list is known whole (subscribed and read), or after `timeoutMs` if Redis
   * does not let it be: an instance starting up waits for this before it serves, so it never
   * takes a signed-out token for a live one while its copy is still empty.
   */
  whenCurrent(timeoutMs: number): Promise<void>;
  close(): void;
}

// One sorted set (member: token id, score: expiry in ms): one slot in a Redis Cluster, read whole
// when a subscription (re)starts, trimmed of expired ids on every sign-out.
const SET_KEY = 'mosaic:session:revoked';
const CHANNEL = 'mosaic:session:revoked';
const PRUNE_EVERY_MS = 60_000;

/**
 * The sign-out deny list. Each instance keeps every id in memory, told of new ones over Redis
 * pub/sub and reading the whole set when it (re)subscribes, so a check costs a Map lookup. While
 * the subscription is down a check asks Redis (ZSCORE); while Redis is away too, it answers from
 * this process's copy alone rather than refusing everyone.
 */
export function createSessionDenyList(options: SessionDenyListOptions): SessionDenyList {
  const { redis, logger, now = Date.now } = options;
  const denied = new Map<string, number>();
  const remember = (jti: string, expiresAtMs: number): void => {
    if (expiresAtMs > now()) denied.set(jti, expiresAtMs);
  };
  const prune = setInterval(() => {
    const at = now();
    for (const [jti, until] of denied) if (until <= at) denied.delete(jti);
  }, PRUNE_EVERY_MS);
  prune.unref();
  const locallyDenied = (jti: string): boolean => {
    const until = denied.get(jti);
    return until !== undefined && until > now();
  };

  if (!redis) {
    return {
      async revoke(jti, expiresAt) {
        remember(jti, expiresAt * 1000);
      },
      isRevoked: locallyDenied,
      whenCurrent: async () => {},
      close: () => clearInterval(prune),
    };
  }

  const outage = createStoreState({
    onStateChange: (state, detail) =>
      logger?.warn(
        state === 'down'
          ? '[bff] sign-out deny list cannot reach redis, checking this process only: %s'
          : '[bff] sign-out deny list shared through redis again: %s',
        detail,
      ),
    onBack: async () => {},
  });
  const shared = async <T>(command: () => Promise<T>): Promise<T | undefined> => {
    try {
      const answer = await command();
      outage.up('it answers again');
      return answer;
    } catch (err) {
      outage.down(err instanceof Error ? err.message : String(err));
      return undefined;
    }
  };

  const { commands } = redis;
  const subscriber = redis.subscriber();
  // True only while subscribed and after the whole set was read since: then no id is missing.
  let current = false;
  let becameCurrent: () => void = () => {};
  const firstCurrent = new Promise<void>((resolve) => (becameCurrent = resolve));
  subscriber.on('message', (channel: string, message: string) => {
    if (channel !== CHANNEL) return;
    const [jti, until] = message.split(' ');
    if (jti && until) remember(jti, Number(until));
  });
  const lost = (): void => {
    current = false;
  };
  subscriber.on('close', lost);
  subscriber.on('end', lost);
  subscriber.on('ready', () => {
    void resync(subscriber, commands);
  });

  async function resync(sub: Redis | Cluster, client: Redis | Cluster): Promise<void> {
    try {
      // Subscribe first, then read: an id published in between is in one or the other.
      await sub.subscribe(CHANNEL);
      const entries = await client.zrangebyscore(SET_KEY, now(), '+inf', 'WITHSCORES');
      for (let i = 0; i + 1 < entries.length; i += 2) {
        remember(entries[i] as string, Number(entries[i + 1]));
      }
      current = true;
      becameCurrent();
      outage.up('deny list subscribed and read');
    } catch (err) {
      outage.down(err instanceof Error ? err.message : String(err));
    }
  }

  return {
    async revoke(jti, expiresAt) {
      const untilMs = expiresAt * 1000;
      remember(jti, untilMs);
      await shared(async () => {
        await commands
          .multi()
          .zadd(SET_KEY, untilMs, jti)
          .zremrangebyscore(SET_KEY, '-inf', now())
          .exec();
        await commands.publish(CHANNEL, `${jti} ${untilMs}`);
      });
    },
    whenCurrent(timeoutMs) {
      return new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        void firstCurrent.then(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
    isRevoked(jti) {
      if (locallyDenied(jti)) return true;
      if (current) return false;
      return shared(() => commands.zscore(SET_KEY, jti)).then((score) => {
        if (score === undefined || score === null) return false;
        remember(jti, Number(score));
        return locallyDenied(jti);
      });
    },
    close() {
      clearInterval(prune);
      outage.close();
    },
  };
}
