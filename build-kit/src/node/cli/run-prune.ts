import path from 'node:path';
import { readManifest } from './read-manifest.js';
import { failRegistry as fail, requestRegistry, resolveRegistry } from './registry-request.js';
import type { RegistryOptions } from './registry-request.js';
import { readRegistryApp } from './read-registry-app.js';
import type { AppChannels } from './run-release.js';

/** What `mosaic-app prune` removes: every version but the newest `keep` and those in a channel. */
export interface RunPruneOptions extends RegistryOptions {
  /** The app's folder; its dist/mosaic.json names the app when `app` is not given. */
  root: string;
  /** App name. @default the name in dist/mosaic.json */
  app?: string;
  /** How many of the newest versions to keep, besides the ones a channel uses. @default 5 */
  keep?: number;
}

/** What a prune did: the versions removed (oldest first) and those kept (newest first). */
export interface PruneResult {
  app: string;
  removed: string[];
  kept: string[];
  channels: AppChannels | null;
}

/**
 * `mosaic-app prune`: delete the app's old versions that no channel uses, keeping the newest
 * `keep`. The registry refuses to delete a version a channel uses, so a release racing the
 * prune stops it with that reason instead of breaking the channel.
 */
export async function runPrune(options: RunPruneOptions): Promise<PruneResult> {
  const app = options.app ?? readManifest(path.join(options.root, 'dist')).name;
  const keep = options.keep ?? 5;
  if (!Number.isInteger(keep) || keep < 1) {
    fail(`--keep must be a whole number of versions, at least 1 (got ${keep})`);
  }
  resolveRegistry(options);
  const entry = await readRegistryApp(options, app);

  const inUse = new Set([entry.channels?.stable, entry.channels?.canary?.version]);
  const newest = new Set(entry.versions.slice(0, keep));
  const doomed = entry.versions.filter((v) => !newest.has(v) && !inUse.has(v)).reverse();
  const removed: string[] = [];
  for (const version of doomed) {
    const answer = await requestRegistry(
      options,
      'DELETE',
      `/api/registry/apps/${encodeURIComponent(app)}/versions/${encodeURIComponent(version)}`,
    );
    // Gone already (another prune): nothing left to do for it.
    if (answer.status === 404) continue;
    if (!answer.ok) {
      const done = removed.length > 0 ? ` (removed before it: ${removed.join(', ')})` : '';
      fail(
        `pruning ${app} stopped at ${version}${done}: ${answer.error?.message ?? `HTTP ${answer.status}`}`,
        answer.requestId,
        answer.status,
      );
    }
    removed.push(version);
  }
  return {
    app,
    removed,
    kept: entry.versions.filter((v) => !doomed.includes(v)),
    channels: entry.channels,
  };
}

/** One line for people: `removed 0.1.0, 0.1.1; kept 0.3.0 (stable), 0.2.0`. */
export function describePrune(result: PruneResult): string {
  const label = (v: string): string => {
    const channels = [
      v === result.channels?.stable ? 'stable' : undefined,
      v === result.channels?.canary?.version ? 'canary' : undefined,
    ].filter(Boolean);
    return channels.length > 0 ? `${v} (${channels.join(', ')})` : v;
  };
  const kept = `kept ${result.kept.map(label).join(', ') || 'nothing'}`;
  return result.removed.length > 0
    ? `removed ${result.removed.join(', ')}; ${kept}`
    : `nothing to remove; ${kept}`;
}
