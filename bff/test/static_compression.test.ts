import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSystem } from './start_system.js';
import type { TestSystem } from './start_system.js';

const script = `export const text = ${JSON.stringify('mosaic '.repeat(2000))};\n`;

/** GET without fetch's own decompression, so the test sees the bytes on the wire. */
async function raw(
  url: string,
  acceptEncoding: string,
): Promise<{ headers: Headers; body: Buffer }> {
  const { request } = await import('node:http');
  return new Promise((resolve, reject) => {
    request(
      url,
      { headers: { accept: 'text/html,*/*', 'accept-encoding': acceptEncoding } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const headers = new Headers();
          for (const [k, v] of Object.entries(res.headers))
            if (typeof v === 'string') headers.set(k, v);
          resolve({ headers, body: Buffer.concat(chunks) });
        });
      },
    )
      .on('error', reject)
      .end();
  });
}

describe('given a built shell with precompressed assets and a published app', () => {
  let system: TestSystem;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'mosaic-compression-'));
    const shellDist = path.join(dataDir, 'shell');
    await mkdir(path.join(shellDist, 'assets'), { recursive: true });
    await writeFile(path.join(shellDist, 'index.html'), '<!doctype html><title>x</title>');
    const asset = path.join(shellDist, 'assets', 'index-abc.js');
    await writeFile(asset, script);
    await writeFile(`${asset}.br`, brotliCompressSync(script));
    await writeFile(`${asset}.gz`, gzipSync(script));
    const app = path.join(dataDir, 'registry', 'apps', 'shop', '1.0.0');
    await mkdir(app, { recursive: true });
    await writeFile(path.join(app, 'shop.js'), script);
    system = await startSystem({
      services: false,
      dataDir,
      env: { SHELL_DIST: shellDist, MOSAIC_DEV_OVERRIDES: 'off' },
    });
  });
  afterAll(async () => {
    await system.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('sends the precompressed brotli file to a browser that accepts br, cached forever', async () => {
    const { headers, body } = await raw(`${system.bffUrl}/assets/index-abc.js`, 'gzip, br');
    expect(headers.get('content-encoding')).toBe('br');
    expect(headers.get('vary')).toMatch(/accept-encoding/i);
    expect(headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(Number(headers.get('content-length'))).toBe(body.length);
    expect(body.equals(brotliCompressSync(script))).toBe(true);
  });

  it('sends gzip to a client that accepts only gzip', async () => {
    const { headers, body } = await raw(`${system.bffUrl}/assets/index-abc.js`, 'gzip');
    expect(headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(body).toString()).toBe(script);
  });

  it('sends the file as it is to a client that accepts no encoding', async () => {
    const { headers, body } = await raw(`${system.bffUrl}/assets/index-abc.js`, 'identity');
    expect(headers.get('content-encoding')).toBeNull();
    expect(body.toString()).toBe(script);
  });

  it('gzips an app file that has no precompressed sibling, cached forever', async () => {
    const url = `${system.bffUrl}/apps/shop/1.0.0/shop.js`;
    for (let i = 0; i < 2; i += 1) {
      const { headers, body } = await raw(url, 'gzip, deflate, br');
      expect(headers.get('content-encoding')).toBe('gzip');
      expect(headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(body.length).toBeLessThan(script.length / 10);
      expect(gunzipSync(body).toString()).toBe(script);
    }
  });

  it('does not compress a file too small to gain from it', async () => {
    const { headers, body } = await raw(`${system.bffUrl}/signin`, 'gzip, br');
    expect(body.toString()).toContain('<title>');
    // index.html here is a few bytes; the real one is too, and it is never cached.
    expect(headers.get('content-encoding')).toBeNull();
    expect(headers.get('cache-control')).toBe('no-cache');
  });
});
