import type { EggApplicationCore as Application } from 'egg';
import { mosaicConfig } from '../mosaic_config.js';
import { isCanaryTenant } from './channels.js';
import type { Channels } from './channels.js';

/** This process's copy of every app's channels: `app.grayChannels` (app/extend/application.ts). */
export interface GrayChannels {
  channels: Map<string, Channels>;
  /** 0 until the first load. */
  loadedAt: number;
  loading?: Promise<void>;
}

export function createGrayChannels(): GrayChannels {
  return { channels: new Map(), loadedAt: 0 };
}

/**
 * Reload this process's copy of every app's channels. Called after each change made here and
 * by GET /api/apps; other processes pick changes up within `channelsTtlMs`.
 */
export function refreshGrayChannels(app: Application): Promise<void> {
  const current = app.grayChannels;
  current.loading ??= app.registryStore
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
export function grayEnvFor(app: Application, tenantId: string): string | undefined {
  const snapshot = app.grayChannels;
  const ttl = mosaicConfig(app).registry.channelsTtlMs;
  if (Date.now() - snapshot.loadedAt > ttl) void refreshGrayChannels(app);
  for (const [name, channels] of snapshot.channels) {
    if (isCanaryTenant(name, channels.canary, tenantId)) return 'canary';
  }
  return undefined;
}
