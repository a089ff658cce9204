import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startSystem } from './start_system.js';
import type { TestSystem } from './start_system.js';

const INDEX = '<!doctype html><html><head><title>Mosaic</title></head><body></body></html>';

/** The JSON of the page's boot block, or undefined when the page has none. */
function bootOf(html: string): unknown {
  const match = /<script type="application\/json" id="mosaic-boot">(.*?)<\/script>/s.exec(html);
  return match ? JSON.parse(match[1] ?? '') : undefined;
}

describe('given a built shell and a published app', () => {
  let system: TestSystem;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'mosaic-boot-'));
    const shellDist = path.join(dataDir, 'shell');
    await mkdir(shellDist, { recursive: true });
    await writeFile(path.join(shellDist, 'index.html'), INDEX);
    const app = path.join(dataDir, 'registry', 'apps', 'inventory', '1.0.0');
    await mkdir(app, { recursive: true });
    await writeFile(path.join(app, 'index.html'), '<div id="root"></div>');
    await writeFile(
      path.join(app, 'mosaic.json'),
      JSON.stringify({
        name: 'inventory',
        version: '1.0.0',
        // A team's title is its own text: it must not be able to end the block.
        title: '库存 </script><script>alert(1)</script>',
        route: '/inventory',
        entry: 'index.html',
        protocol: '1.6.0',
        roles: ['owner', 'keeper'],
      }),
    );
    system = await startSystem({ services: false, dataDir, env: { SHELL_DIST: shellDist } });
  });
  afterAll(async () => {
    await system.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const page = (pathname: string, cookie?: string): Promise<Response> =>
    fetch(`${system.bffUrl}${pathname}`, {
      headers: { accept: 'text/html', ...(cookie && { cookie }) },
    });

  it('answers a signed-in navigation with the session and app list in the page', async () => {
    const { cookie, token } = await signIn(system.bffUrl, 'xiaomai', 'keeper');
    const response = await page('/inventory', cookie);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, no-cache');
    expect(response.headers.get('vary')?.toLowerCase()).toContain('cookie');
    const html = await response.text();
    const asked = async (p: string): Promise<unknown> =>
      (
        await fetch(`${system.bffUrl}${p}`, { headers: { authorization: `Bearer ${token}` } })
      ).json();
    expect(bootOf(html)).toEqual({
      session: await asked('/api/session'),
      appList: await asked('/api/apps'),
    });
    const boot = bootOf(html) as { appList: { apps: { title: string }[] } };
    expect(boot.appList.apps.map((app) => app.title)).toEqual([
      '库存 </script><script>alert(1)</script>',
    ]);
    // The title is in the data, escaped: the page has exactly the one script element it had.
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toContain('<script>alert(1)');
  });

  it('leaves the data out for a visitor without a session, or with one that was revoked', async () => {
    expect(bootOf(await (await page('/inventory')).text())).toBeUndefined();
    const { cookie } = await signIn(system.bffUrl, 'xiaomai', 'owner');
    const signedOut = await fetch(`${system.bffUrl}/api/session`, {
      method: 'DELETE',
      headers: { cookie },
    });
    expect(signedOut.status).toBe(204);
    const response = await page('/inventory', cookie);
    expect(response.status).toBe(200);
    expect(bootOf(await response.text())).toBeUndefined();
  });

  it('leaves it out of the sign-in page', async () => {
    const { cookie } = await signIn(system.bffUrl, 'xiaomai', 'owner');
    expect(bootOf(await (await page('/signin', cookie)).text())).toBeUndefined();
  });
});
