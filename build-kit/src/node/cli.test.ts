// @vitest-environment node
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from './cli.js';

// Fixture apps import the compiled preset, so `pnpm --filter @mosaic/build-kit build` runs first.
const preset = fileURLToPath(new URL('../../dist/node/index.js', import.meta.url));

function fixtureApp(files: { config: string; main: string; version?: string }): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'mosaic-cli-'));
  mkdirSync(path.join(root, 'src'));
  writeFileSync(
    path.join(root, 'package.json'),
    JSON.stringify({ name: 'fixture', version: files.version ?? '1.2.3', type: 'module' }),
  );
  writeFileSync(
    path.join(root, 'vite.config.ts'),
    `import { defineMicroAppConfig } from ${JSON.stringify(preset)};\n${files.config}\n`,
  );
  writeFileSync(path.join(root, 'src', 'main.tsx'), files.main);
  return root;
}

const lifecycles = `
export async function bootstrap() {}
export async function mount() {}
export async function unmount() {}
`;

function captureErrors(): () => string {
  const error = vi.spyOn(console, 'error').mockImplementation(() => {});
  vi.spyOn(console, 'log').mockImplementation(() => {});
  return () => error.mock.calls.map((call) => call.join(' ')).join('\n');
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('mosaic-app build', () => {
  it('builds an app whose config is one call with its name', async () => {
    const root = fixtureApp({
      config: "export default defineMicroAppConfig('hello');",
      main: lifecycles,
    });
    captureErrors();

    expect(await main(['build'], root)).toBe(0);

    const manifest = JSON.parse(readFileSync(path.join(root, 'dist', 'mosaic.json'), 'utf8'));
    expect(manifest).toMatchObject({
      name: 'hello',
      version: '1.2.3',
      route: '/hello',
      roles: ['owner'],
    });
  }, 30_000);

  it('writes the title per locale into mosaic.json, beside the default title', async () => {
    const root = fixtureApp({
      config:
        "export default defineMicroAppConfig({ name: 'hello', title: '你好', titles: { en: 'Hello' } });",
      main: lifecycles,
    });
    captureErrors();

    expect(await main(['build'], root)).toBe(0);

    const manifest = JSON.parse(readFileSync(path.join(root, 'dist', 'mosaic.json'), 'utf8'));
    expect(manifest).toMatchObject({ title: '你好', titles: { en: 'Hello' }, protocol: '1.6.0' });
  }, 30_000);

  it('says how to fix titles that are not locale → title', async () => {
    const root = fixtureApp({
      config:
        "export default defineMicroAppConfig({ name: 'hello', titles: { english: 'Hello' } });",
      main: lifecycles,
    });
    const errors = captureErrors();

    expect(await main(['build'], root)).toBe(1);

    expect(errors()).toContain(
      "app 'hello': titles key 'english' is not a locale tag such as 'en'",
    );
  }, 30_000);

  it('says how to fix a missing name', async () => {
    const root = fixtureApp({
      config: 'export default defineMicroAppConfig({});',
      main: lifecycles,
    });
    const errors = captureErrors();

    expect(await main(['build'], root)).toBe(1);

    expect(errors()).toContain(
      "the app has no name: write `export default defineMicroAppConfig('my-app')`",
    );
  }, 30_000);

  it('says how to fix a bad version', async () => {
    const root = fixtureApp({
      config: "export default defineMicroAppConfig('hello');",
      main: lifecycles,
      version: 'banana',
    });
    const errors = captureErrors();

    expect(await main(['build'], root)).toBe(1);

    expect(errors()).toMatch(/version "banana"; set a semver version such as "0\.1\.0"/);
  }, 30_000);

  it('refuses a build that does not export lifecycles', async () => {
    const root = fixtureApp({
      config: "export default defineMicroAppConfig('hello');",
      main: 'export const mount = () => {};',
    });
    const errors = captureErrors();

    expect(await main(['build'], root)).toBe(1);

    expect(errors()).toMatch(/hello\.js does not export bootstrap, unmount/);
  }, 30_000);
});

describe('mosaic-app publish', () => {
  it('posts dist as a .tar.gz with the publish token', async () => {
    const root = fixtureApp({
      config: "export default defineMicroAppConfig('hello');",
      main: lifecycles,
    });
    captureErrors();
    expect(await main(['build'], root)).toBe(0);
    const received: { url?: string; auth?: string; type?: string; bytes?: number } = {};
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        Object.assign(received, {
          url: req.url,
          auth: req.headers.authorization,
          type: req.headers['content-type'],
          bytes: Buffer.concat(chunks).byteLength,
        });
        res.writeHead(201, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    vi.stubEnv('MOSAIC_PUBLISH_TOKEN', 'secret');

    try {
      expect(await main(['publish', '--registry', `http://127.0.0.1:${port}`], root)).toBe(0);
    } finally {
      server.close();
      vi.unstubAllEnvs();
    }

    expect(received).toMatchObject({
      url: '/api/registry/apps/hello/versions',
      auth: 'Bearer secret',
      type: 'application/gzip',
    });
    expect(received.bytes).toBeGreaterThan(100);
  }, 30_000);

  it('explains a version that is already published', async () => {
    const root = fixtureApp({
      config: "export default defineMicroAppConfig('hello');",
      main: lifecycles,
    });
    const errors = captureErrors();
    expect(await main(['build'], root)).toBe(0);
    const server = createServer((_req, res) => {
      // An answer without a message: the CLI says what to do itself.
      res
        .writeHead(409, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: { code: 'VERSION_EXISTS', requestId: 'r1' } }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    vi.stubEnv('MOSAIC_PUBLISH_TOKEN', 'secret');

    try {
      expect(await main(['publish', '--registry', `http://127.0.0.1:${port}`], root)).toBe(1);
    } finally {
      server.close();
      vi.unstubAllEnvs();
    }

    expect(errors()).toContain('hello@1.2.3 is already published');
    expect(errors()).toContain('request id r1');
  }, 30_000);
});
