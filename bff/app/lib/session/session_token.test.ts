import { SignJWT, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { createSessionTokenCodec } from './session_token.js';

const secret = new TextEncoder().encode('x'.repeat(48));
const codec = createSessionTokenCodec(secret);
const now = Math.floor(Date.now() / 1000);
const claims = { sub: 'u1', ten: 'xiaomai', usr: 'owner', roles: ['owner'], exp: now + 60 };

/** A token as the BFF signed them with jose before this codec. */
function joseToken(extra: Record<string, unknown> = {}, exp = now + 60): Promise<string> {
  return new SignJWT({ ten: 'xiaomai', usr: 'owner', roles: ['owner'], ...extra })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('u1')
    .setIssuer('mosaic-bff')
    .setAudience('mosaic')
    .setIssuedAt()
    .setExpirationTime(exp)
    .sign(secret);
}

describe('given a token signed before the switch from jose', () => {
  it('still verifies, denied by its signature since it has no id', async () => {
    const verified = codec.verify(await joseToken());
    expect(verified).toMatchObject({ sub: 'u1', ten: 'xiaomai', usr: 'owner', roles: ['owner'] });
    expect(verified?.jti).toMatch(/^sig:/);
  });
});

describe('given a token the codec signed', () => {
  it('verifies with jose too (same format) and carries a fresh id', async () => {
    const { token, jti } = codec.sign(claims);
    const { payload } = await jwtVerify(token, secret, {
      issuer: 'mosaic-bff',
      audience: 'mosaic',
      algorithms: ['HS256'],
    });
    expect(payload).toMatchObject({ sub: 'u1', ten: 'xiaomai', jti });
    expect(codec.sign(claims).jti).not.toBe(jti);
    expect(codec.verify(token)).toMatchObject({ ...claims, jti });
  });

  it('is refused once expired', () => {
    const { token } = codec.sign(claims);
    expect(codec.verify(token, claims.exp)).toBeNull();
    expect(codec.verify(token, claims.exp - 1)).not.toBeNull();
  });

  it('is refused when changed, cut or signed with another secret', () => {
    const { token } = codec.sign(claims);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const forgedPayload = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), ten: 'chaye' }),
    ).toString('base64url');
    expect(codec.verify(`${header}.${forgedPayload}.${signature}`)).toBeNull();
    expect(codec.verify(`${header}.${payload}`)).toBeNull();
    expect(codec.verify(`${header}.${payload}.${signature}.x`)).toBeNull();
    expect(codec.verify(`${header}.${payload}.${signature.slice(0, -2)}`)).toBeNull();
    const other = createSessionTokenCodec(new TextEncoder().encode('y'.repeat(48)));
    expect(other.verify(token)).toBeNull();
    expect(codec.verify('')).toBeNull();
  });
});

describe('given a token whose claims do not hold', () => {
  it('is refused before its nbf, for another audience or algorithm', async () => {
    expect(codec.verify(await joseToken({ nbf: now + 60 }))).toBeNull();
    const otherAudience = await new SignJWT({ ten: 't', usr: 'u', roles: [] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u1')
      .setIssuer('mosaic-bff')
      .setAudience('someone-else')
      .setExpirationTime(now + 60)
      .sign(secret);
    expect(codec.verify(otherAudience)).toBeNull();
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${
      (await joseToken()).split('.')[1]
    }.`;
    expect(codec.verify(unsigned)).toBeNull();
  });
});
