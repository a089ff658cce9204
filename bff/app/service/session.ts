import { Service } from 'egg';
import type { Context, EggApplicationCore as Application } from 'egg';
import { BffError, ErrorCode } from '../lib/http/errors.js';
import { mosaicConfig } from '../lib/mosaic_config.js';
import type { Session } from '../lib/session/session_claims.js';
import { createSessionDenyList } from '../lib/session/session_deny_list.js';
import type { SessionDenyList } from '../lib/session/session_deny_list.js';
import { loadSessionSecret } from '../lib/session/session_secret.js';
import { createSessionTokenCodec } from '../lib/session/session_token.js';
import type { SessionTokenCodec, VerifiedToken } from '../lib/session/session_token.js';
import { header } from '../lib/http/header.js';
import { requestState } from '../lib/http/request_state.js';

export const SESSION_COOKIE = 'mosaic_session';

/** What every request's session check needs, made once per app. */
export interface SessionRuntime {
  /** The codec once the secret is loaded (the data dir may not exist before the first use). */
  codec: SessionTokenCodec | undefined;
  loading: Promise<SessionTokenCodec> | undefined;
  denyList: SessionDenyList;
}

/** Made once per app by `app.sessionRuntime` (app/extend/application.ts). */
export function createSessionRuntime(app: Application): SessionRuntime {
  const denyList = createSessionDenyList({ redis: app.sessionRedis, logger: app.logger });
  app.lifecycle.registerBeforeClose(() => denyList.close());
  return { codec: undefined, loading: undefined, denyList };
}

/**
 * Wait (at most `timeoutMs`) until this instance knows every signed-out token: called at boot,
 * so a fresh instance never serves with an empty deny list while Redis has entries.
 */
export function sessionDenyListCurrent(app: Application, timeoutMs: number): Promise<void> {
  return app.sessionRuntime.denyList.whenCurrent(timeoutMs);
}

/** The app's token codec: synchronous after the first call. */
function codecOf(app: Application): SessionTokenCodec | Promise<SessionTokenCodec> {
  const runtime = app.sessionRuntime;
  if (runtime.codec) return runtime.codec;
  if (!runtime.loading) {
    const config = mosaicConfig(app);
    runtime.loading = loadSessionSecret(config.sessionSecret, config.dataDir).then(
      (secret) => (runtime.codec = createSessionTokenCodec(secret)),
      (err: unknown) => {
        runtime.loading = undefined;
        throw err;
      },
    );
  }
  return runtime.loading;
}

/** Session tokens: HS256 JWTs with tenant, user id, username, roles, token id and expiry. */
export default class SessionService extends Service {
  /** Sign a token for this user; returns it with its expiry (seconds since the epoch). */
  async issue(input: Omit<Session, 'expiresAt' | 'tokenId'>): Promise<Session & { token: string }> {
    const expiresAt = Math.floor(Date.now() / 1000) + mosaicConfig(this.app).sessionTtlSeconds;
    const { token, jti } = (await codecOf(this.app)).sign({
      sub: input.userId,
      ten: input.tenantId,
      usr: input.username,
      roles: input.roles,
      exp: expiresAt,
    });
    return { ...input, expiresAt, tokenId: jti, token };
  }

  /**
   * The session of this request from `Authorization: Bearer` or the cookie, or null when there is
   * none, it is not genuine or current, or it was signed out.
   */
  async read(ctx: Context = this.ctx): Promise<Session | null> {
    const token = sessionTokenOf(header(ctx, 'authorization'), header(ctx, 'cookie'));
    if (!token) return null;
    const codec = codecOf(this.app);
    const claims = (codec instanceof Promise ? await codec : codec).verify(token);
    if (!claims) return null; // expired, tampered or signed with another secret
    const revoked = this.app.sessionRuntime.denyList.isRevoked(claims.jti);
    if (revoked === true || (revoked !== false && (await revoked))) return null;
    return sessionOfClaims(claims);
  }

  /** Like read(), but a missing or invalid session is a 401. */
  async require(ctx: Context = this.ctx): Promise<Session> {
    const session = await this.read(ctx);
    if (session) requestState(ctx).session = session;
    if (!session) {
      throw new BffError(
        ErrorCode.UNAUTHENTICATED,
        'sign in first: POST /api/session, then send the cookie or Authorization: Bearer <token>',
      );
    }
    return session;
  }

  /** Sign this session's token out in every BFF instance until it would have expired. */
  async revoke(session: Session): Promise<void> {
    await this.app.sessionRuntime.denyList.revoke(session.tokenId, session.expiresAt);
  }
}

/**
 * The session a token stands for, decided without waiting: null when it is not genuine, current
 * or still signed in; undefined when that cannot be told at once (the secret is still loading,
 * the deny list must ask Redis), so the caller takes the ordinary, awaited path.
 */
export function sessionOfTokenNow(app: Application, token: string): Session | null | undefined {
  const codec = codecOf(app);
  if (codec instanceof Promise) return undefined;
  const claims = codec.verify(token);
  if (!claims) return null;
  const revoked = app.sessionRuntime.denyList.isRevoked(claims.jti);
  if (revoked instanceof Promise) return undefined;
  if (revoked) return null;
  return sessionOfClaims(claims);
}

/** The session a verified token's claims describe. */
function sessionOfClaims(claims: VerifiedToken): Session {
  return {
    tenantId: claims.ten,
    userId: claims.sub,
    username: claims.usr,
    roles: claims.roles,
    expiresAt: claims.exp,
    tokenId: claims.jti,
  };
}

/**
 * The session token a request carries: `Authorization: Bearer <token>`, else the session cookie.
 */
export function sessionTokenOf(
  authorization: string | undefined,
  cookie: string | undefined,
): string | undefined {
  const bearer = authorization ? /^Bearer\s+(\S+)$/i.exec(authorization)?.[1] : undefined;
  if (bearer) return bearer;
  for (const part of cookie?.split(';') ?? []) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) return part.slice(eq + 1).trim();
  }
  return undefined;
}
