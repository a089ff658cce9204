import { describe, expect, it } from 'vitest';
import { createTestStorage, testBackends } from '../shared/test-storage.js';
import { useService } from '../shared/test-services.js';
import type { User, VerifiedSession } from './user.js';
import { startIdentity } from './start-identity.js';

describe.each(testBackends())('identity service on $name', (backend) => {
  const service = useService(backend, startIdentity);

  function call(path: string, tenant?: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (tenant) headers['x-tenant-id'] = tenant;
    return fetch(`${service.url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  describe('given the demo owner of xiaomai', () => {
    it('verifies the password without x-tenant-id and lists every app', async () => {
      const response = await call('/sessions/verify', undefined, {
        tenant: 'xiaomai',
        username: 'owner',
        password: 'demo1234',
      });
      expect(response.status).toBe(200);
      const session = (await response.json()) as VerifiedSession;
      expect(session.user).toMatchObject({ username: 'owner', roles: ['owner'] });
      expect(session.tenant).toEqual({ id: 'xiaomai', name: '小麦便利店' });
      expect(session.apps).toEqual(['*']);
      expect(JSON.stringify(session)).not.toContain('scrypt');
    });
  });

  describe('given a clerk and a keeper', () => {
    it('offers the clerk sales and shop, the keeper inventory', async () => {
      const apps: Record<string, string[]> = {};
      for (const username of ['clerk', 'keeper']) {
        const response = await call('/sessions/verify', undefined, {
          tenant: 'xiaomai',
          username,
          password: 'demo1234',
        });
        apps[username] = ((await response.json()) as VerifiedSession).apps;
      }
      expect(apps).toEqual({ clerk: ['sales', 'shop'], keeper: ['inventory'] });
    });
  });

  it('answers 401 INVALID_CREDENTIALS to a wrong password, user or tenant', async () => {
    for (const body of [
      { tenant: 'xiaomai', username: 'owner', password: 'demo12345' },
      { tenant: 'xiaomai', username: 'nobody', password: 'demo1234' },
      { tenant: 'chaye', username: 'clerk', password: 'demo1234' },
      { tenant: 'nowhere', username: 'owner', password: 'demo1234' },
    ]) {
      const response = await call('/sessions/verify', undefined, body);
      expect(response.status).toBe(401);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
        'INVALID_CREDENTIALS',
      );
    }
  });

  it('rejects a malformed sign-in body with 400 naming the field', async () => {
    const response = await call('/sessions/verify', undefined, {
      tenant: 'xiaomai',
      username: 'owner',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain(
      'body.password',
    );
  });

  it('refuses the user list without x-tenant-id', async () => {
    expect((await call('/users')).status).toBe(400);
  });

  it('creates a user who can then sign in, hashed at rest', async () => {
    const created = await call('/users', 'chaye', {
      username: 'helper',
      displayName: '小陈',
      password: 'longenough',
      roles: ['clerk'],
    });
    expect(created.status).toBe(201);
    const user = (await created.json()) as User;
    const verified = await call('/sessions/verify', undefined, {
      tenant: 'chaye',
      username: 'helper',
      password: 'longenough',
    });
    expect(((await verified.json()) as VerifiedSession).user.id).toBe(user.id);
    const duplicate = await call('/users', 'chaye', {
      username: 'helper',
      displayName: 'x',
      password: 'longenough',
      roles: ['clerk'],
    });
    expect(duplicate.status).toBe(409);
  });

  it('rejects a user with an unknown role or short password', async () => {
    const response = await call('/users', 'chaye', {
      username: 'x1',
      displayName: 'x',
      password: 'short',
      roles: ['admin'],
    });
    expect(response.status).toBe(400);
  });

  it("never shows one tenant another tenant's users, even by id", async () => {
    const list = await call('/users?limit=200', 'xiaomai');
    const xiaomai = ((await list.json()) as { items: User[] }).items;
    expect(xiaomai.map((user) => user.username)).toEqual(['clerk', 'keeper', 'owner']);
    const owner = xiaomai.find((user) => user.username === 'owner');
    expect((await call(`/users/${owner?.id}`, 'chaye')).status).toBe(404);
    expect((await call(`/users/${owner?.id}`, 'xiaomai')).status).toBe(200);
  });

  it('pages the user list', async () => {
    const first = (await (await call('/users?limit=2', 'xiaomai')).json()) as {
      items: User[];
      nextCursor: string;
    };
    expect(first.items).toHaveLength(2);
    const second = (await (
      await call(`/users?limit=2&cursor=${first.nextCursor}`, 'xiaomai')
    ).json()) as { items: User[]; nextCursor: string | null };
    expect(second.items.map((user) => user.username)).toEqual(['owner']);
    expect(second.nextCursor).toBeNull();
  });
});

describe.each(testBackends())('given a restart on $name', (backend) => {
  it('keeps a user created before it', async () => {
    const storage = await createTestStorage(backend);
    const headers = { 'x-tenant-id': 'chaye', 'content-type': 'application/json' };
    try {
      const first = await startIdentity({ port: 0, ...storage, log: () => {} });
      const body = {
        username: 'night',
        displayName: '夜班',
        password: 'longenough',
        roles: ['clerk'],
      };
      await fetch(`${first.url}/users`, { method: 'POST', headers, body: JSON.stringify(body) });
      await first.close();
      const second = await startIdentity({ port: 0, ...storage, log: () => {} });
      try {
        const verified = await fetch(`${second.url}/sessions/verify`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ tenant: 'chaye', username: 'night', password: 'longenough' }),
        });
        expect(verified.status).toBe(200);
      } finally {
        await second.close();
      }
    } finally {
      await storage.dispose();
    }
  });
});
