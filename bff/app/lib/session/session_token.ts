import { createHmac, createSecretKey, randomBytes, timingSafeEqual } from 'node:crypto';
import type { KeyObject } from 'node:crypto';

/** What a session token says, as signed (JWT claim names). */
export interface SessionTokenClaims {
  /** User id. */
  sub: string;
  /** Tenant id. */
  ten: string;
  /** Username. */
  usr: string;
  roles: string[];
  /** Token id, the key of the sign-out deny list. */
  jti: string;
  /** Issued at, seconds since the epoch. */
  iat: number;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

/** Signs and verifies session tokens with one key, imported once. */
export interface SessionTokenCodec {
  /** A compact HS256 JWT for these claims (issuer, audience and a fresh `jti` added). */
  sign(claims: Omit<SessionTokenClaims, 'jti' | 'iat'>, nowSeconds?: number): SignedToken;
  /**
   * The claims of a genuine, current token, or null (malformed, another algorithm, a bad
   * signature, another issuer or audience, expired, not yet valid). Synchronous: no key import
   * and no thread pool per call.
   */
  verify(token: string, nowSeconds?: number): VerifiedToken | null;
}

export interface SignedToken {
  token: string;
  jti: string;
}

/** A verified token's claims; `jti` is a digest of the token for tokens signed before ids. */
export type VerifiedToken = SessionTokenClaims;

export const TOKEN_ISSUER = 'mosaic-bff';
export const TOKEN_AUDIENCE = 'mosaic';
// What jose's SignJWT wrote with `setProtectedHeader({alg: 'HS256'})`: tokens signed before this
// codec keep verifying, and the header part of every token is one constant.
const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256' })).toString('base64url');
const SIGNATURE_BYTES = 32;

/**
 * HS256 session tokens over node:crypto: the same compact JWT format jose wrote (so tokens
 * survive the switch), verified synchronously with the key imported once and the signature
 * compared in constant time.
 */
export function createSessionTokenCodec(secret: Uint8Array): SessionTokenCodec {
  const key: KeyObject = createSecretKey(secret);
  const mac = (signingInput: string): Buffer =>
    createHmac('sha256', key).update(signingInput).digest();

  return {
    sign(claims, nowSeconds = Math.floor(Date.now() / 1000)) {
      const jti = randomBytes(16).toString('base64url');
      const payload = Buffer.from(
        JSON.stringify({
          ten: claims.ten,
          usr: claims.usr,
          roles: claims.roles,
          sub: claims.sub,
          iss: TOKEN_ISSUER,
          aud: TOKEN_AUDIENCE,
          jti,
          iat: nowSeconds,
          exp: claims.exp,
        }),
      ).toString('base64url');
      const signingInput = `${HEADER}.${payload}`;
      return { token: `${signingInput}.${mac(signingInput).toString('base64url')}`, jti };
    },

    verify(token, nowSeconds = Math.floor(Date.now() / 1000)) {
      const firstDot = token.indexOf('.');
      const lastDot = token.lastIndexOf('.');
      if (firstDot <= 0 || lastDot === firstDot || token.indexOf('.', firstDot + 1) !== lastDot) {
        return null;
      }
      const signingInput = token.slice(0, lastDot);
      const signature = Buffer.from(token.slice(lastDot + 1), 'base64url');
      if (signature.length !== SIGNATURE_BYTES) return null;
      if (!timingSafeEqual(signature, mac(signingInput))) return null;
      // Only now, with the signature genuine, is anything in the token read.
      // Every token this BFF signed has the one constant header: no need to parse it.
      if (firstDot !== HEADER.length || !token.startsWith(HEADER)) {
        const header = parseJson(token.slice(0, firstDot));
        if (!header || header.alg !== 'HS256' || header.crit !== undefined) return null;
      }
      const claims = parseJson(token.slice(firstDot + 1, lastDot));
      if (!claims) return null;
      const { sub, ten, usr, roles, exp, nbf, iss, aud, iat, jti } = claims;
      if (
        typeof sub !== 'string' ||
        typeof ten !== 'string' ||
        typeof usr !== 'string' ||
        typeof exp !== 'number' ||
        !Array.isArray(roles) ||
        !roles.every((r) => typeof r === 'string') ||
        iss !== TOKEN_ISSUER ||
        !(aud === TOKEN_AUDIENCE || (Array.isArray(aud) && aud.includes(TOKEN_AUDIENCE)))
      ) {
        return null;
      }
      if (exp <= nowSeconds) return null;
      if (nbf !== undefined && (typeof nbf !== 'number' || nbf > nowSeconds)) return null;
      return {
        sub,
        ten,
        usr,
        roles: roles as string[],
        exp,
        iat: typeof iat === 'number' ? iat : 0,
        // Tokens signed before ids were added are denied by a digest of their signature.
        jti: typeof jti === 'string' && jti ? jti : `sig:${signature.toString('base64url')}`,
      };
    },
  };
}

function parseJson(part: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}
