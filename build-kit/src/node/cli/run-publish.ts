import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MosaicError, MosaicErrorCode } from '../../shared/mosaic-error.js';
import { readManifest } from './read-manifest.js';

export interface RunPublishOptions {
  /** The app's folder; its dist/ must hold a build. */
  root: string;
  /**
   * Base URL of the BFF that hosts the registry.
   * @default process.env.MOSAIC_REGISTRY_URL ?? 'http://localhost:8080'
   */
  registry?: string;
  /**
   * Publish token (never on the command line, where `ps` shows it).
   * @default process.env.MOSAIC_PUBLISH_TOKEN
   */
  token?: string;
}

function fail(message: string, requestId?: string): never {
  throw new MosaicError(MosaicErrorCode.PUBLISH_FAILED, message, { requestId });
}

/**
 * `mosaic-app publish`: packs dist/ (the files mosaic.json lists, plus mosaic.json) into
 * a .tar.gz and POSTs it to `/api/registry/apps/:name/versions`.
 */
export async function runPublish(
  options: RunPublishOptions,
): Promise<{ name: string; version: string }> {
  const distDir = path.join(options.root, 'dist');
  const manifest = readManifest(distDir);
  const registry = (
    options.registry ??
    process.env.MOSAIC_REGISTRY_URL ??
    'http://localhost:8080'
  ).replace(/\/$/, '');
  const token = options.token ?? process.env.MOSAIC_PUBLISH_TOKEN;
  if (!token)
    fail('MOSAIC_PUBLISH_TOKEN is not set: export the publish token your operator gave you');

  const temp = mkdtempSync(path.join(os.tmpdir(), 'mosaic-publish-'));
  const archive = path.join(temp, `${manifest.name}-${manifest.version}.tar.gz`);
  let body: Buffer;
  try {
    const files = ['mosaic.json', ...manifest.files.map((f) => f.path)];
    execFileSync('tar', ['-czf', archive, '-C', distDir, ...files]);
    body = readFileSync(archive);
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }

  const url = `${registry}/api/registry/apps/${encodeURIComponent(manifest.name)}/versions`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/gzip' },
      body,
    });
  } catch (error) {
    fail(`POST ${url} got no answer (${String(error)}): is MOSAIC_REGISTRY_URL right?`);
  }
  if (response.ok) return { name: manifest.name, version: manifest.version };

  const payload = (await response.json().catch(() => undefined)) as
    { error?: { code?: string; message?: string; requestId?: string } } | undefined;
  const requestId = payload?.error?.requestId ?? response.headers.get('x-request-id') ?? undefined;
  // The registry's own message says what to do; ours covers answers without one.
  const message = payload?.error?.message;
  if (response.status === 409) {
    fail(
      message ??
        `${manifest.name}@${manifest.version} is already published and versions never change: bump "version" in package.json and build again`,
      requestId,
    );
  }
  if (response.status === 401 || response.status === 403) {
    fail(
      message ?? `the registry refused the publish token: check MOSAIC_PUBLISH_TOKEN`,
      requestId,
    );
  }
  fail(
    `publishing ${manifest.name}@${manifest.version} to ${url} failed: ${message ?? `HTTP ${response.status}`}`,
    requestId,
  );
}
