import { createHash } from 'node:crypto';
import type { Cluster, Redis } from 'ioredis';
import type { Context, EggLogger, Next } from 'egg';
import { createStoreState } from '../cache/store_state.js';
import { BffError, ErrorCode } from '../http/errors.js';
import { createKnownAddresses } from './rate_limit_known_addresses.js';
import { createSignInLimiter } from './rate_limit_limiter.js';
import type { SignInLimiter } from './rate_limit_limiter.js';

const FIFTEEN_MINUTES_S = 15 * 60;
const KEY_PREFIX = 'mosaic:ratelimit:signin';

/** Options of {@link makeSignInRateLimited}. */
export interface SignInRateLimitOptions {
  /**
   * Attempts allowed per account from one address in 15 minutes, even from a known address.
   * @default 5
   */
  perAccountAndAddress?: number;
  /**
   * Attempts allowed per tenant + username in 15 minutes from addresses that never signed in to
   * it (guessing spread over many addresses).
   * @default 5
   */
  perAccount?: number;
  /**
   * Attempts allowed per client address in 15 minutes at accounts it never signed in to
   * (password spraying across users).
   * @default 30
   */
  perAddress?: number;
  /**
   * Redis shared by every BFF process behind a load balancer (`app.sessionRedis.commands`).
   * Null: each process counts on its own.
   */
  redis: Redis | Cluster | null;
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
 * Route middleware for `POST /api/session`. Every attempt takes one point from each limit that
 * applies, atomically in Redis, *before* the password is checked, so guesses sent at once count
 * as surely as guesses sent one by one; 429 `RATE_LIMITED` with `Retry-After` once one is spent.
 * A success gives its points back and forgets the owner's own misses from that address; a body
 * refused before any password check gives its points back.
 *
 * An address that has signed in to an account before is *known* for it (30 days): attempts from
 * there skip the by-account and by-address limits, so strangers guessing an account, or a noisy
 * neighbour behind the office's address, cannot keep its owner out; the account+address limit
 * still bounds guesses from there. See bff/README.md, "Sign-in limits".
 */
export function makeSignInRateLimited({
  perAccountAndAddress = 5,
  perAccount = 5,
  perAddress = 30,
  redis,
  logger,
}: SignInRateLimitOptions): (ctx: Context, next: Next) => Promise<void> {
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
  const limiter = (points: number, kind: string): SignInLimiter =>
    createSignInLimiter({
      points,
      durationSeconds: FIFTEEN_MINUTES_S,
      keyPrefix: `${KEY_PREFIX}:${kind}`,
      redis,
      outage,
    });
  const pairs = limiter(perAccountAndAddress, 'account-ip');
  const accounts = limiter(perAccount, 'account');
  const addresses = limiter(perAddress, 'ip');
  const known = createKnownAddresses({ redis, keyPrefix: `${KEY_PREFIX}:known`, outage });

  return async function signInRateLimited(ctx: Context, next: Next): Promise<void> {
    const body = (ctx.request.body ?? {}) as { tenant?: unknown; username?: unknown };
    const account = digest(
      `${String(body.tenant ?? '').toLowerCase()}/${String(body.username ?? '').toLowerCase()}`,
    );
    const address = digest(ctx.ip);
    const pair = digest(`${account}/${address}`);
    const taken: [SignInLimiter, string][] = (await known.has(pair))
      ? [[pairs, pair]]
      : [
          [pairs, pair],
          [accounts, account],
          [addresses, address],
        ];
    const verdicts = await Promise.all(taken.map(([l, key]) => l.consume(key)));
    const waitMs = Math.max(0, ...verdicts.map((v) => v.refusedForMs));
    if (waitMs > 0) {
      const seconds = Math.max(1, Math.ceil(waitMs / 1000));
      ctx.set('retry-after', String(seconds));
      throw new BffError(
        ErrorCode.RATE_LIMITED,
        `too many sign-in attempts: wait ${seconds} s and try again`,
      );
    }
    const giveBack = (except?: SignInLimiter): Promise<unknown> =>
      Promise.all(taken.filter(([l]) => l !== except).map(([l, key]) => l.reward(key)));
    try {
      await next();
    } catch (error) {
      // Only a body refused before identity was asked checked no password. A timeout or an
      // outage may have checked it, so that attempt keeps its point.
      if (error instanceof BffError && error.code === ErrorCode.BAD_REQUEST) await giveBack();
      throw error;
    }
    if (ctx.status === 200) {
      await Promise.all([pairs.delete(pair), giveBack(pairs), known.add(pair)]);
    }
  };
}
