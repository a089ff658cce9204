import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { manifestSealTag, manifestSealText } from '@mosaic/contracts';
import type { APIRequestContext, Page } from '@playwright/test';
import { expect } from '@playwright/test';

export const DEMO_PASSWORD = 'demo1234';

/** Signs in through the shell's sign-in form, as a user would. */
export async function signIn(page: Page, tenant: string, username: string): Promise<void> {
  await page.locator('input[name="tenant"]').fill(tenant);
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.locator('button[type="submit"]').click();
}

/** The product names a tenant has, read through the public API rather than hard-coded. */
export async function productNamesOf(
  request: APIRequestContext,
  tenant: string,
): Promise<string[]> {
  const session = await request.post('/api/session', {
    data: { tenant, username: 'owner', password: DEMO_PASSWORD },
  });
  expect(session.status()).toBe(200);
  const { token } = (await session.json()) as { token: string };
  const response = await request.post('/graphql', {
    headers: { authorization: `Bearer ${token}` },
    data: { query: '{ products(first: 200) { name } }' },
  });
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { data: { products: { name: string }[] } };
  return body.data.products.map((p) => p.name);
}

/** Opens an app from the frame's navigation (side nav on desktop, tab bar on a phone). */
export async function openApp(page: Page, title: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: title }).first().click();
}

/** A local static server with CORS, like `mosaic-app dev --shell`: a build on "the developer's machine". */
export async function serveBuild(
  dir: string,
): Promise<{ url: string; close: () => Promise<void> }> {
  const { createServer } = await import('node:http');
  const { readFile } = await import('node:fs/promises');
  const path = await import('node:path');
  const types: Record<string, string> = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.json': 'application/json; charset=utf-8',
  };
  const server = createServer((req, res) => {
    const file = path.join(dir, new URL(req.url ?? '/', 'http://x').pathname);
    res.setHeader('access-control-allow-origin', '*');
    readFile(file).then(
      (body) => res.writeHead(200, { 'content-type': types[path.extname(file)] ?? '' }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The shell URL that stores a developer override for `name` in this browser. */
export function overridePath(name: string, baseUrl: string, pathname = '/'): string {
  const separator = pathname.includes('?') ? '&' : '?';
  return `${pathname}${separator}mosaic-override=${name}=${encodeURIComponent(baseUrl)}`;
}

/**
 * Runs the `mosaic-app` CLI in `cwd` against the system under test, with the publish token
 * `pnpm start` made for this run's data folder (never printed).
 */
export async function mosaicApp(
  cwd: string,
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  const { execFile } = await import('node:child_process');
  const { readFileSync } = await import('node:fs');
  const path = await import('node:path');
  const { fileURLToPath } = await import('node:url');
  const dataDir = process.env.E2E_DATA_DIR ?? '';
  const token = readFileSync(path.join(dataDir, 'publish-token'), 'utf8').trim();
  const cli = fileURLToPath(new URL('../../build-kit/bin/mosaic-app.js', import.meta.url));
  const registry = `http://127.0.0.1:${process.env.E2E_PORT ?? 18080}`;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [cli, ...args, '--registry', registry],
      { cwd, env: { ...process.env, MOSAIC_PUBLISH_TOKEN: token } },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** Signs out through the frame's user menu, as a user would (desktop and phone alike). */
export async function signOutFromMenu(page: Page): Promise<void> {
  await page.getByRole('button', { name: /用户菜单|User menu/ }).click();
  await page.getByRole('button', { name: /退出登录|Sign out/ }).click();
}

/**
 * Builds `build-kit/examples/<name>` with the `mosaic-app` CLI alone, as an outside team would
 * build its app, and serves the build like `serveBuild` (load it with `overridePath`).
 */
export async function buildAndServeExample(
  name: string,
): Promise<Awaited<ReturnType<typeof serveBuild>>> {
  const { execFileSync } = await import('node:child_process');
  const path = await import('node:path');
  const { fileURLToPath } = await import('node:url');
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const dir = path.join(root, 'build-kit/examples', name);
  execFileSync(process.execPath, [path.join(root, 'build-kit/bin/mosaic-app.js'), 'build'], {
    cwd: dir,
    stdio: 'pipe',
  });
  return serveBuild(path.join(dir, 'dist'));
}

/**
 * A copy of a built app's dist in a fresh app folder, its manifest changed by `changes` and
 * sealed again as `mosaic-app build` would seal it: what a team's next build ships, without
 * building. (A hand edit without the new seal is refused by the registry.)
 */
export function rebuiltCopy(distDir: string, changes: Record<string, unknown>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'mosaic-rebuilt-'));
  const dist = path.join(root, 'dist');
  cpSync(distDir, dist, { recursive: true });
  const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
  const manifest = {
    ...(JSON.parse(readFileSync(path.join(dist, 'mosaic.json'), 'utf8')) as {
      entry: string;
      files: { path: string; size: number; sha256: string }[];
    }),
    ...changes,
  };
  const entryFile = path.join(dist, manifest.entry);
  const html = readFileSync(entryFile, 'utf8').replace(
    /<meta name="mosaic-manifest"[^>]*>/,
    manifestSealTag(sha256(manifestSealText(manifest))),
  );
  writeFileSync(entryFile, html);
  manifest.files = manifest.files.map((file) =>
    file.path === manifest.entry
      ? { path: file.path, size: Buffer.byteLength(html), sha256: sha256(html) }
      : file,
  );
  writeFileSync(path.join(dist, 'mosaic.json'), JSON.stringify(manifest, null, 2));
  return root;
}
