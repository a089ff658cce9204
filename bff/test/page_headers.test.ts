import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSystem } from './start_system.js';
import type { TestSystem } from './start_system.js';

/** The directives of a Content-Security-Policy header, by name. */
function directives(csp: string | null): Record<string, string[]> {
  return Object.fromEntries(
    (csp ?? '')
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name, values]),
  );
}

describe('given a built shell and a published app', () => {
  let system: TestSystem;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'mosaic-headers-'));
    const shellDist = path.join(dataDir, 'shell');
    await mkdir(path.join(shellDist, 'assets'), { recursive: true });
    await writeFile(
      path.join(shellDist, 'index.html'),
      '<!doctype html><script type="module" src="/assets/index.js"></script>',
    );
    await writeFile(path.join(shellDist, 'assets', 'index.js'), 'export {};');
    const app = path.join(dataDir, 'registry', 'apps', 'shop', '1.0.0');
    await mkdir(app, { recursive: true });
    await writeFile(
      path.join(app, 'index.html'),
      '<!doctype html><script src="./shop.js"></script>',
    );
    system = await startSystem({
      services: false,
      dataDir,
      env: {
        SHELL_DIST: shellDist,
        MOSAIC_IMAGE_HOSTS: 'https://img.example.com, https://*.cdn.example.net',
        MOSAIC_DEV_OVERRIDES: 'off',
      },
    });
  });
  afterAll(async () => {
    await system.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const pages = ['/', '/sales/orders', '/apps/shop/1.0.0/index.html', '/assets/index.js'];

  it.each(pages)('sends a strict Content-Security-Policy with %s', async (page) => {
    const response = await fetch(`${system.bffUrl}${page}`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const csp = directives(response.headers.get('content-security-policy'));
    // Scripts only from this origin, never inline; eval because qiankun runs app code with it.
    expect(csp['script-src']).toEqual(["'self'", "'unsafe-eval'"]);
    expect(csp['default-src']).toEqual(["'self'"]);
    expect(csp['object-src']).toEqual(["'none'"]);
    expect(csp['base-uri']).toEqual(["'self'"]);
    expect(csp['frame-ancestors']).toEqual(["'self'"]);
    expect(csp['connect-src']).toEqual(["'self'"]);
    expect(csp['img-src']).toEqual([
      "'self'",
      'data:',
      'https://img.example.com',
      'https://*.cdn.example.net',
    ]);
  });

  it.each(pages)('sends Referrer-Policy with %s', async (page) => {
    const response = await fetch(`${system.bffUrl}${page}`, { headers: { accept: 'text/html' } });
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  });
});

describe('given no shell built and dev overrides left to their default', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startSystem({
      services: false,
      env: { MOSAIC_DEV_OVERRIDES: '', MOSAIC_IMAGE_HOSTS: '' },
    });
  });
  afterAll(() => system.stop());

  it('sends both headers with the "not built" page too', async () => {
    const response = await fetch(`${system.bffUrl}/`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(503);
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(directives(response.headers.get('content-security-policy'))['object-src']).toEqual([
      "'none'",
    ]);
  });

  it('lets a shell served from localhost load a developer’s local build', async () => {
    const response = await fetch(`${system.bffUrl}/`, { headers: { accept: 'text/html' } });
    const csp = directives(response.headers.get('content-security-policy'));
    expect(csp['script-src']).toContain('http://localhost:*');
    expect(csp['connect-src']).toContain('http://127.0.0.1:*');
    expect(csp['script-src']).not.toContain("'unsafe-inline'");
  });
});
