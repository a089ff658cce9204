import path from 'node:path';
import { packDist } from './pack-dist.js';
import { readManifest } from './read-manifest.js';
import { failRegistry, requestRegistry, resolveRegistry } from './registry-request.js';
import type { RegistryOptions } from './registry-request.js';

export interface RunPublishOptions extends RegistryOptions {
  /** The app's folder; its dist/ must hold a build. */
  root: string;
}

/**
 * `mosaic-app publish`: packs dist/ (the files mosaic.json lists, plus mosaic.json) into
 * a .tar.gz and POSTs it to `/api/registry/apps/:name/versions`.
 */
export async function runPublish(
  options: RunPublishOptions,
): Promise<{ name: string; version: string; warnings: string[] }> {
  const distDir = path.join(options.root, 'dist');
  const manifest = readManifest(distDir);
  resolveRegistry(options);
  const archive = await packDist(distDir, ['mosaic.json', ...manifest.files.map((f) => f.path)]);
  const answer = await requestRegistry<{ warnings?: unknown }>(
    options,
    'POST',
    `/api/registry/apps/${encodeURIComponent(manifest.name)}/versions`,
    { type: 'application/gzip', bytes: new Uint8Array(archive) },
  );
  if (answer.ok) {
    const warnings = Array.isArray(answer.body?.warnings)
      ? answer.body.warnings.filter((w): w is string => typeof w === 'string')
      : [];
    return { name: manifest.name, version: manifest.version, warnings };
  }

  const { requestId, status } = answer;
  // The registry's own message says what to do; ours covers answers without one.
  const message = answer.error?.message;
  if (status === 409) {
    failRegistry(
      message ??
        `${manifest.name}@${manifest.version} is already published and versions never change: bump "version" in package.json and build again`,
      requestId,
    );
  }
  if (status === 401 || status === 403) {
    failRegistry(
      message ?? `the registry refused the publish token: check MOSAIC_PUBLISH_TOKEN`,
      requestId,
    );
  }
  failRegistry(
    `publishing ${manifest.name}@${manifest.version} to ${answer.url} failed: ${message ?? `HTTP ${status}`}`,
    requestId,
  );
}
