import type { EggAppConfig } from 'egg';
import { mosaicConfig } from '../mosaic_config.js';
import { isCanaryTenant } from './channels.js';
import type { Channels } from './channels.js';
import { registryStoreOf } from './registry_of.js';

interface Snapshot {
  channels: Map<string, Channels>;
  loadedAt: number;
  loading?: Promise<void>;
}

const snapshots = new WeakMap<object, Snapshot>();

/**
 * Reload this process's copy of every app's channels. Called after each change made here and
 * by GET /api/apps; other processes pick changes up within `channelsTtlMs`.
 */
export function refreshGrayChannels(app: { config: EggAppConfig }): Promise<void> {
  let snapshot = snapshots.get(app);
  if (!snapshot) {
    snapshot = { channels: new Map(), loadedAt: 0 };
    snapshots.set(app, snapshot);
  }
  const current = snapshot;
  current.loading ??= registryStoreOf(app)
    .readAllChannels()
    .then((channels) => {
      current.channels = channels;
      current.loadedAt = Date.now();
    })
    .catch(() => undefined)
    .finally(() => (current.loading = undefined));
  return current.loading;
}

/**
 * `'canary'` when this tenant is on the canary of any app, else undefined. Synchronous (it
 * tags upstream calls): answers from the last snapshot and refreshes it in the background
 * when older than `channelsTtlMs`.
 */
export function grayEnvFor(app: { config: EggAppConfig }, tenantId: string): string | undefined {
  const snapshot = snapshots.get(app);
  const ttl = mosaicConfig(app).registry.channelsTtlMs;
  if (!snapshot || Date.now() - snapshot.loadedAt > ttl) void refreshGrayChannels(app);
  for (const [name, channels] of snapshot?.channels ?? []) {
    if (isCanaryTenant(name, channels.canary, tenantId)) return 'canary';
  }
  return undefined;
}
