import { createHash } from 'node:crypto';
import type { Context, EggLogger, Next } from 'egg';
import type { WindowCounters } from './cache/window_counters.js';
import { createStoreState } from './cache/store_state.js';
import { BffError, ErrorCode } from './errors.js';
import { createSharedRateLimiter } from './rate_limit_shared.js';
import type { SharedRateLimiter } from './rate_limit_shared.js';

const FIFTEEN_MINUTES = 15 * 60_000;
const KEY_PREFIX = 'mosaic:ratelimit:signin';

/** Options of {@link makeSignInRateLimited}. */
export interface SignInRateLimitOptions {
  /**
   * Failed attempts allowed per tenant + username in 15 minutes.
   * @default 5
   */
  perAccount?: number;
  /**
   * Failed attempts allowed per client IP in 15 minutes (password spraying across users).
   * @default 30
   */
  perIp?: number;
  /**
   * Redis counters (`CacheStore.counters`), so every BFF process behind a load balancer counts
   * against one budget. Unset: each process counts on its own.
   */
  counters?: WindowCounters;
  /** Where a Redis outage (and its end) is logged, once each. */
  logger?: Pick<EggLogger, 'warn'>;
}

/**
 * A Redis key part for an account or address: a digest, so keys never hold what a client typed
 * (nor braces, which Redis Cluster would read as a hash tag), at a fixed length.
 */
function digest(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}

/**
 * Route middleware for `POST /api/session` that counts failed sign-ins per account and per IP
 * and answers 429 `RATE_LIMITED` with `Retry-After` once either is over its limit. Only failures
 * count, so staff signing in all day are never locked out; a success clears the account's count.
 * With `counters` the counts are shared through Redis; while Redis does not answer, this process
 * counts on its own (see createSharedRateLimiter).
 */
export function makeSignInRateLimited({
  perAccount = 5,
  perIp = 30,
  counters,
  logger,
}: SignInRateLimitOptions = {}): (ctx: Context, next: Next) => Promise<void> {
  const outage = createStoreState({
    onStateChange: (state, detail) =>
      logger?.warn(
        state === 'down'
          ? '[bff] sign-in limits cannot reach redis, counting in this process: %s'
          : '[bff] sign-in limits shared through redis again: %s',
        detail,
      ),
    onBack: async () => {},
  });
  const limiter = (limit: number, kind: 'account' | 'ip'): SharedRateLimiter =>
    createSharedRateLimiter({
      limit,
      windowMs: FIFTEEN_MINUTES,
      counters,
      prefix: `${KEY_PREFIX}:${kind}:`,
      outage,
    });
  const accounts = limiter(perAccount, 'account');
  const ips = limiter(perIp, 'ip');

  return async function signInRateLimited(ctx: Context, next: Next): Promise<void> {
    const body = (ctx.request.body ?? {}) as { tenant?: unknown; username?: unknown };
    const account = digest(
      `${String(body.tenant ?? '').toLowerCase()}/${String(body.username ?? '').toLowerCase()}`,
    );
    const ip = digest(ctx.ip);
    const verdicts = await Promise.all([accounts.check(account), ips.check(ip)]);
    const blocked = verdicts.find((v) => !v.allowed);
    if (blocked) {
      ctx.set('retry-after', String(blocked.retryAfterSeconds));
      throw new BffError(
        ErrorCode.RATE_LIMITED,
        `too many failed sign-in attempts: wait ${blocked.retryAfterSeconds} s and try again`,
      );
    }
    try {
      await next();
      await accounts.reset(account);
    } catch (error) {
      if (error instanceof BffError && error.code === ErrorCode.INVALID_CREDENTIALS) {
        await Promise.all([accounts.hit(account), ips.hit(ip)]);
      }
      throw error;
    }
  };
}
