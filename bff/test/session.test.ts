import { stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSystem } from './start_system.js';
import type { TestSystem } from './start_system.js';

let system: TestSystem;
beforeAll(async () => {
  system = await startSystem({ services: false });
});
afterAll(() => system.stop());

function postSession(body: unknown, contentType = 'application/json'): Promise<Response> {
  return fetch(`${system.bffUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('POST /api/session', () => {
  it('signs in a demo user and returns user, tenant, token and an httpOnly SameSite=Lax cookie', async () => {
    const response = await postSession({
      tenant: 'xiaomai',
      username: 'keeper',
      password: 'demo1234',
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      user: { id: expect.any(String), username: 'keeper', roles: ['keeper'] },
      tenant: { id: 'xiaomai', name: '小麦便利店' },
    });
    expect(typeof body.token).toBe('string');
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^mosaic_session=[\w-]+\.[\w-]+\.[\w-]+;/);
    expect(cookie.toLowerCase()).toContain('httponly');
    expect(cookie.toLowerCase()).toContain('samesite=lax');
    expect(cookie.toLowerCase()).toContain('path=/');
  });

  it('answers 401 INVALID_CREDENTIALS for a wrong password', async () => {
    const response = await postSession({ tenant: 'xiaomai', username: 'owner', password: 'nope' });
    expect(response.status).toBe(401);
    const body = (await response.json()) as { error: { code: string; requestId: string } };
    expect(body.error.code).toBe('INVALID_CREDENTIALS');
    expect(body.error.requestId).toBe(response.headers.get('x-request-id'));
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('answers 401 for a user of another tenant', async () => {
    const response = await postSession({
      tenant: 'chaye',
      username: 'keeper',
      password: 'demo1234',
    });
    expect(response.status).toBe(401);
  });

  it('answers 400 BAD_REQUEST for a missing field, without echoing the password', async () => {
    const response = await postSession({ tenant: 'xiaomai', password: 'secret-value' });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(JSON.parse(text).error.code).toBe('BAD_REQUEST');
    expect(text).not.toContain('secret-value');
  });

  it('answers 400 for malformed JSON', async () => {
    const response = await postSession('{"tenant":');
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('BAD_REQUEST');
  });

  it('refuses a non-JSON body (CSRF defence) with 415', async () => {
    const response = await postSession(
      'tenant=xiaomai&username=owner&password=demo1234',
      'application/x-www-form-urlencoded',
    );
    expect(response.status).toBe(415);
  });
});

describe('GET and DELETE /api/session', () => {
  it('returns the signed-in user with the cookie and with a Bearer token', async () => {
    const signIn = await postSession({ tenant: 'chaye', username: 'owner', password: 'demo1234' });
    const { token } = (await signIn.json()) as { token: string };
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

    const variants: Record<string, string>[] = [{ cookie }, { authorization: `Bearer ${token}` }];
    for (const headers of variants) {
      const response = await fetch(`${system.bffUrl}/api/session`, { headers });
      expect(response.status).toBe(200);
      const body = (await response.json()) as Record<string, unknown>;
      expect(body).toMatchObject({ user: { username: 'owner' }, tenant: { id: 'chaye' } });
      expect(body).not.toHaveProperty('token');
    }
  });

  it('answers 401 UNAUTHENTICATED without a session or with a forged token', async () => {
    const variants: Record<string, string>[] = [{}, { authorization: 'Bearer abc.def.ghi' }];
    for (const headers of variants) {
      const response = await fetch(`${system.bffUrl}/api/session`, { headers });
      expect(response.status).toBe(401);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
        'UNAUTHENTICATED',
      );
    }
  });

  it('signs out with 204 and clears the cookie', async () => {
    const response = await fetch(`${system.bffUrl}/api/session`, { method: 'DELETE' });
    expect(response.status).toBe(204);
    expect(response.headers.get('set-cookie')).toMatch(
      /^mosaic_session=;.*expires=Thu, 01 Jan 1970/,
    );
  });
});

describe('given a signed-out token', () => {
  async function signedIn(): Promise<{ token: string; cookie: string }> {
    const response = await postSession({
      tenant: 'xiaomai',
      username: 'owner',
      password: 'demo1234',
    });
    const { token } = (await response.json()) as { token: string };
    return { token, cookie: (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '' };
  }
  async function statusOf(path: string, headers: Record<string, string>): Promise<number> {
    const response =
      path === '/graphql'
        ? await fetch(`${system.bffUrl}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...headers },
            body: JSON.stringify({ query: '{ ping }' }),
          })
        : await fetch(`${system.bffUrl}${path}`, { headers });
    return response.status;
  }

  it('answers 401 on /graphql and /api/* for the cookie and any copy of the token', async () => {
    const { token, cookie } = await signedIn();
    const bearer = { authorization: `Bearer ${token}` };
    expect(await statusOf('/api/session', bearer)).toBe(200);
    expect(await statusOf('/graphql', bearer)).toBe(200);

    const signOut = await fetch(`${system.bffUrl}/api/session`, {
      method: 'DELETE',
      headers: { cookie },
    });
    expect(signOut.status).toBe(204);
    for (const headers of [bearer, { cookie }]) {
      expect(await statusOf('/api/session', headers)).toBe(401);
      expect(await statusOf('/api/apps', headers)).toBe(401);
      expect(await statusOf('/graphql', headers)).toBe(401);
    }
  });

  it('signs out only that token: another session of the same user stays signed in', async () => {
    const first = await signedIn();
    const second = await signedIn();
    await fetch(`${system.bffUrl}/api/session`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${first.token}` },
    });
    expect(await statusOf('/api/session', { authorization: `Bearer ${first.token}` })).toBe(401);
    expect(await statusOf('/api/session', { authorization: `Bearer ${second.token}` })).toBe(200);
  });
});

describe('the session secret', () => {
  it('is generated once into the data dir with mode 0600', async () => {
    const info = await stat(path.join(system.dataDir, 'session-secret'));
    expect(info.mode & 0o777).toBe(0o600);
  });

  it('survives a restart, so tokens stay valid', async () => {
    const signIn = await postSession({
      tenant: 'xiaomai',
      username: 'owner',
      password: 'demo1234',
    });
    const { token } = (await signIn.json()) as { token: string };
    const restarted = await startSystem({ services: false, dataDir: system.dataDir });
    try {
      const response = await fetch(`${restarted.bffUrl}/api/session`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(200);
    } finally {
      await restarted.stop();
    }
  });
});

describe('every response', () => {
  it('carries x-request-id, echoing a sane incoming one', async () => {
    const response = await fetch(`${system.bffUrl}/healthz`, {
      headers: { 'x-request-id': 'test-req-1' },
    });
    expect(response.headers.get('x-request-id')).toBe('test-req-1');
    const minted = await fetch(`${system.bffUrl}/api/nope`);
    expect(minted.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(minted.status).toBe(404);
    expect(((await minted.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
  });
});
