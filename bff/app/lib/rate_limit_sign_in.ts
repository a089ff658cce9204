import type { Context, Next } from 'egg';
import { BffError, ErrorCode } from './errors.js';
import { createRateLimiter } from './rate_limit.js';

const FIFTEEN_MINUTES = 15 * 60_000;

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
}

/**
 * Route middleware for `POST /api/session` that counts failed sign-ins per account and per IP
 * and answers 429 `RATE_LIMITED` with `Retry-After` once either is over its limit. Only failures
 * count, so staff signing in all day are never locked out; a success clears the account's count.
 */
export function makeSignInRateLimited({ perAccount = 5, perIp = 30 }: SignInRateLimitOptions = {}) {
  const accounts = createRateLimiter({ limit: perAccount, windowMs: FIFTEEN_MINUTES });
  const ips = createRateLimiter({ limit: perIp, windowMs: FIFTEEN_MINUTES });

  return async function signInRateLimited(ctx: Context, next: Next): Promise<void> {
    const body = (ctx.request.body ?? {}) as { tenant?: unknown; username?: unknown };
    const account = `${String(body.tenant ?? '').toLowerCase()}/${String(body.username ?? '').toLowerCase()}`;
    const blocked = [accounts.check(account), ips.check(ctx.ip)].find((v) => !v.allowed);
    if (blocked) {
      ctx.set('retry-after', String(blocked.retryAfterSeconds));
      throw new BffError(
        ErrorCode.RATE_LIMITED,
        `too many failed sign-in attempts: wait ${blocked.retryAfterSeconds} s and try again`,
      );
    }
    try {
      await next();
      accounts.reset(account);
    } catch (error) {
      if (error instanceof BffError && error.code === ErrorCode.INVALID_CREDENTIALS) {
        accounts.hit(account);
        ips.hit(ctx.ip);
      }
      throw error;
    }
  };
}
