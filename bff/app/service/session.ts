import { SignJWT, jwtVerify } from 'jose';
import { Service } from 'egg';
import type { Context, EggAppConfig } from 'egg';
import { BffError, ErrorCode } from '../lib/errors.js';
import { mosaicConfig } from '../lib/mosaic_config.js';
import type { Session } from '../lib/session_claims.js';
import { loadSessionSecret } from '../lib/session_secret.js';
import { header } from '../lib/header.js';
import { requestState } from '../lib/request_state.js';

export const SESSION_COOKIE = 'mosaic_session';
const ISSUER = 'mosaic-bff';
const AUDIENCE = 'mosaic';

const secrets = new WeakMap<object, Promise<Uint8Array>>();

/** One secret per app, loaded on first use (the data dir may not exist before). */
function secretOf(app: { config: EggAppConfig }): Promise<Uint8Array> {
  let secret = secrets.get(app);
  if (!secret) {
    const config = mosaicConfig(app);
    secret = loadSessionSecret(config.sessionSecret, config.dataDir);
    secret.catch(() => secrets.delete(app));
    secrets.set(app, secret);
  }
  return secret;
}

/** Session tokens: HS256 JWTs with tenant, user id, username, roles and expiry. */
export default class SessionService extends Service {
  /** Sign a token for this user; returns it with its expiry (seconds since the epoch). */
  async issue(input: Omit<Session, 'expiresAt'>): Promise<Session & { token: string }> {
    const expiresAt = Math.floor(Date.now() / 1000) + mosaicConfig(this.app).sessionTtlSeconds;
    const token = await new SignJWT({
      ten: input.tenantId,
      usr: input.username,
      roles: input.roles,
    })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(input.userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(expiresAt)
      .sign(await secretOf(this.app));
    return { ...input, expiresAt, token };
  }

  /** The session of this request from `Authorization: Bearer` or the cookie, or null. */
  async read(ctx: Context = this.ctx): Promise<Session | null> {
    const token = bearerToken(ctx) ?? ctx.cookies.get(SESSION_COOKIE, { signed: false });
    if (!token) return null;
    try {
      const { payload } = await jwtVerify(token, await secretOf(this.app), {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
      });
      const { sub, ten, usr, roles, exp } = payload;
      if (
        typeof sub !== 'string' ||
        typeof ten !== 'string' ||
        typeof usr !== 'string' ||
        typeof exp !== 'number' ||
        !Array.isArray(roles) ||
        !roles.every((r) => typeof r === 'string')
      ) {
        return null;
      }
      return { tenantId: ten, userId: sub, username: usr, roles, expiresAt: exp };
    } catch {
      return null; // expired, tampered or signed with another secret: simply not signed in
    }
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
}

function bearerToken(ctx: Context): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header(ctx, 'authorization'));
  return match?.[1];
}
