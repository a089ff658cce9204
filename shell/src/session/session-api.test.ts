import { afterEach, describe, expect, it, vi } from 'vitest';
import { getSession, listApps, parseApps, signIn, signOut } from './session-api.js';
import { ShellError } from '../shell-error.js';

function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('given no session cookie', () => {
  it('getSession resolves to null on 401', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json({ error: { code: 'UNAUTHENTICATED', message: 'no session' } }, 401)),
    );

    await expect(getSession()).resolves.toBeNull();
  });
});

describe('given a browser without the sign-in hint cookie', () => {
  it('getSession resolves to null without asking the BFF', async () => {
    const fetch = vi.fn(async () => json({}));
    vi.stubGlobal('fetch', fetch);
    vi.stubGlobal('document', { cookie: 'theme=dark' });

    await expect(getSession()).resolves.toBeNull();
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('given a hint cookie but a session the BFF no longer knows', () => {
  it('getSession resolves to null and drops the hint', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json({ error: { code: 'UNAUTHENTICATED', message: 'revoked' } }, 401)),
    );
    const document = { cookie: 'mosaic_signed_in=1' };
    vi.stubGlobal('document', document);

    await expect(getSession()).resolves.toBeNull();
    expect(document.cookie).toMatch(/^mosaic_signed_in=; .*max-age=0/);
  });
});

describe('given wrong credentials', () => {
  it('signIn throws the BFF code, status and request id', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        json({ error: { code: 'INVALID_CREDENTIALS', message: 'nope', requestId: 'r-1' } }, 401),
      ),
    );

    const error = await signIn({ tenant: 'xiaomai', username: 'owner', password: 'x' }).catch(
      (e: unknown) => e,
    );

    expect(error).toBeInstanceOf(ShellError);
    expect(error).toMatchObject({ code: 'INVALID_CREDENTIALS', status: 401, requestId: 'r-1' });
  });
});

describe('given a sign-in answer that carries the app list', () => {
  const signedIn = {
    user: { id: 'u-1', username: 'owner', roles: ['owner'] },
    tenant: { id: 'xiaomai', name: '小麦便利店' },
    token: 't',
    appList: {
      apps: [
        {
          name: 'inventory',
          version: '1.0.0',
          title: '库存',
          route: '/inventory',
          entry: '/apps/inventory/1.0.0/index.html',
          protocol: '1.6.0',
        },
      ],
      devOverrides: false,
      denied: [],
    },
  };

  it('lists the apps from it, without asking GET /api/apps', async () => {
    const fetch = vi.fn(async (path: string) =>
      path === '/api/session' ? json(signedIn) : json({ apps: [] }),
    );
    vi.stubGlobal('fetch', fetch);

    await signIn({ tenant: 'xiaomai', username: 'owner', password: 'demo1234' });
    const list = await listApps();

    expect(list.apps.map((app) => app.name)).toEqual(['inventory']);
    expect(list.devOverrides).toBe(false);
    expect(fetch.mock.calls.map(([path]) => path)).toEqual(['/api/session']);
    // Taken once: the next list (revalidation) is asked of the BFF.
    await listApps();
    expect(fetch.mock.calls.map(([path]) => path)).toEqual(['/api/session', '/api/apps']);
  });

  it('drops the list when the user signs out before the frame took it', async () => {
    const fetch = vi.fn(async (path: string, init?: RequestInit) =>
      path === '/api/session'
        ? init?.method === 'DELETE'
          ? new Response(null, { status: 204 })
          : json(signedIn)
        : json({ apps: [] }),
    );
    vi.stubGlobal('fetch', fetch);

    await signIn({ tenant: 'xiaomai', username: 'owner', password: 'demo1234' });
    await signOut();

    expect((await listApps()).apps).toEqual([]);
  });
});

describe('parseApps', () => {
  it('keeps the manifest order and fields', () => {
    const apps = parseApps({
      apps: [
        {
          name: 'inventory',
          version: '0.1.0',
          title: '库存',
          route: '/inventory',
          entry: '/apps/inventory/0.1.0/index.html',
          protocol: '1.0.0',
        },
      ],
    });

    expect(apps.map((a) => a.name)).toEqual(['inventory']);
  });

  it('keeps the stable version behind a canary, and drops a malformed one', () => {
    const canary = {
      name: 'sales',
      version: '0.3.0',
      title: '销售',
      route: '/sales',
      entry: '/apps/sales/0.3.0/index.html',
      protocol: '1.5.0',
    };
    const [good, bad] = parseApps({
      apps: [
        {
          ...canary,
          fallback: {
            version: '0.2.2',
            entry: '/apps/sales/0.2.2/index.html',
            protocol: '1.5.0',
            shared: { entry: '/apps/sales/0.2.2/index.shared.html', react: '19.3.1' },
          },
        },
        { ...canary, fallback: { version: '0.2.2', entry: 3, protocol: '1.5.0' } },
      ],
    });

    expect(good?.fallback).toEqual({
      version: '0.2.2',
      entry: '/apps/sales/0.2.2/index.html',
      protocol: '1.5.0',
      shared: { entry: '/apps/sales/0.2.2/index.shared.html', react: '19.3.1' },
    });
    expect(bad?.fallback).toBeUndefined();
  });

  it('keeps the titles per locale that are non-empty strings', () => {
    const [sales] = parseApps({
      apps: [
        {
          name: 'sales',
          version: '0.2.2',
          title: '销售',
          titles: { en: 'Sales', fr: '', de: 3 },
          route: '/sales',
          entry: '/apps/sales/0.2.2/index.html',
          protocol: '1.5.0',
        },
      ],
    });

    expect(sales?.titles).toEqual({ en: 'Sales' });
  });

  it('leaves titles out when the BFF sends none that are usable', () => {
    const [sales] = parseApps({
      apps: [
        {
          name: 'sales',
          version: '0.2.1',
          title: '销售',
          titles: ['Sales'],
          route: '/sales',
          entry: '/apps/sales/0.2.1/index.html',
          protocol: '1.4.0',
        },
      ],
    });

    expect(sales).not.toHaveProperty('titles');
  });

  it('rejects a malformed list with BAD_RESPONSE', () => {
    expect(() => parseApps({ apps: [{ name: 'x' }] })).toThrow(
      expect.objectContaining({ code: 'BAD_RESPONSE' }),
    );
  });
});
