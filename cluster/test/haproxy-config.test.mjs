// The generated HAProxy configuration, run by the real HAProxy in front of two stand-in BFF
// instances, on loopback ports the OS picks. Each stand-in answers its health check, and the first
// request for a path, on whichever instance it lands, is carried out and then cut before any
// answer: what a BFF instance killed mid-request does.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haproxyConfig } from '../src/haproxy-config.mjs';
import { HEALTH_PATH, findBinaries } from '../src/index.mjs';

/** A loopback port nothing listens on now (the OS picks it). @returns {Promise<number>} */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

const found = findBinaries();
const haproxy = found.binaries?.haproxy;
if (!haproxy) {
  if (process.env.CI) throw new Error(`the HAProxy config test needs haproxy:\n${found.missing}`);
  console.warn('[cluster] skipping the HAProxy config test: haproxy is not installed');
}

describe.skipIf(!haproxy)('the generated HAProxy configuration', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'robust-haproxy-'));
  /** How many times each path was carried out, over both instances. @type {Map<string, number>} */
  const carriedOut = new Map();
  /** @type {http.Server[]} */
  const servers = [];
  /** @type {import('node:child_process').ChildProcess | undefined} */
  let child;
  let base = '';

  beforeAll(async () => {
    const topology = {
      port: await freePort(),
      bff: [await freePort(), await freePort()],
      services: {},
      redis: [],
      redisBus: [],
      postgres: { primary: 0, replica: 0 },
      stats: await freePort(),
    };
    base = `http://127.0.0.1:${topology.port}`;
    for (const port of topology.bff) {
      const server = http.createServer((request, response) => {
        if (request.url === HEALTH_PATH) return response.end('ok');
        request.resume();
        request.on('end', () => {
          const times = (carriedOut.get(request.url ?? '') ?? 0) + 1;
          carriedOut.set(request.url ?? '', times);
          // The first time: done, then the instance dies before it answers.
          if (times === 1) return request.socket.destroy();
          response.end('{"ok":true}');
        });
      });
      await new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(undefined)));
      servers.push(server);
    }
    const config = path.join(dir, 'haproxy.cfg');
    writeFileSync(
      config,
      haproxyConfig(topology, { canaries: [], socket: path.join(dir, 'haproxy.sock') }),
    );
    child = spawn(/** @type {string} */ (haproxy), ['-f', config, '-db'], { stdio: 'ignore' });
    // Up once HAProxy answers through the public frontend.
    for (let tries = 0; tries < 100; tries += 1) {
      const status = (await fetch(`${base}${HEALTH_PATH}`).catch(() => undefined))?.status;
      if (status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }, 20_000);

  afterAll(async () => {
    child?.kill('SIGTERM');
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
    rmSync(dir, { recursive: true, force: true });
  });

  it('carries out a POST once when the instance dies before answering (no replay)', async () => {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation { adjustStock { onHand } }' }),
    });
    expect(response.status).toBe(502);
    expect(carriedOut.get('/graphql')).toBe(1);
  });

  it('retries a POST marked read-only (a GraphQL query) on the other instance', async () => {
    const response = await fetch(`${base}/graphql?read`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-mosaic-read-only': '1' },
      body: JSON.stringify({ documentId: 'sha256:products' }),
    });
    expect(response.status).toBe(200);
    expect(carriedOut.get('/graphql?read')).toBe(2);
  });

  it('retries a GET on the other instance when the first dies before answering', async () => {
    const response = await fetch(`${base}/api/apps`);
    expect(response.status).toBe(200);
    expect(carriedOut.get('/api/apps')).toBe(2);
  });
});
