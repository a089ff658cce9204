// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getSession, listApps } from './session-api.js';
import { startEarlyRequests } from './start-early-requests.js';

const session = {
  user: { id: 'u-1', username: 'keeper', roles: ['keeper'] },
  tenant: { id: 'xiaomai', name: '小麦便利店' },
};
const appList = {
  apps: [
    {
      name: 'inventory',
      version: '1.0.0',
      title: '库存 </script>',
      route: '/inventory',
      entry: '/apps/inventory/1.0.0/index.html',
      protocol: '1.6.0',
    },
  ],
  denied: [],
};

function json(body: unknown): Response {
  return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.head.innerHTML = '';
  document.cookie = 'mosaic_signed_in=; max-age=0';
});

describe('given a signed-in page the BFF sent with its boot data', () => {
  it('knows the session and the apps without asking the BFF', async () => {
    document.cookie = 'mosaic_signed_in=1';
    const block = document.createElement('script');
    block.type = 'application/json';
    block.id = 'mosaic-boot';
    block.textContent = JSON.stringify({ session, appList }).replace(/</g, '\\u003c');
    document.head.append(block);
    const fetch = vi.fn(async (_path: string) => json({}));
    vi.stubGlobal('fetch', fetch);

    startEarlyRequests('/inventory');

    expect((await getSession())?.user.username).toBe('keeper');
    expect((await listApps()).apps.map((app) => app.title)).toEqual(['库存 </script>']);
    const asked = fetch.mock.calls.map(([path]) => String(path));
    expect(asked.filter((path) => path.startsWith('/api/'))).toEqual([]);
    // Taken once: the block is gone.
    expect(document.getElementById('mosaic-boot')).toBeNull();
  });

  it('asks the BFF when the page came without it', async () => {
    document.cookie = 'mosaic_signed_in=1';
    const fetch = vi.fn(async (path: string) => json(path === '/api/session' ? session : appList));
    vi.stubGlobal('fetch', fetch);

    startEarlyRequests('/inventory');

    expect((await listApps()).apps).toHaveLength(1);
    const asked = fetch.mock.calls.map(([path]) => String(path));
    expect(asked.filter((path) => path.startsWith('/api/'))).toEqual(['/api/session', '/api/apps']);
  });
});
