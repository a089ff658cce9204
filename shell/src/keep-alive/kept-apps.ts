import type { AppEntry } from '../session/session-api.js';
import { entryOf } from '../micro-app/entry-of.js';

/** How many apps stay mounted (the one on screen included), and the JS heap they may use. */
export interface KeepAlivePolicy {
  /** Apps mounted at once, the visible one included; 1 turns keep-alive off. */
  maxApps: number;
  /** Past this JS heap (Chromium's `performance.memory`), hidden apps go, oldest first. */
  heapBudgetBytes: number;
}

/** Three apps (a shop's whole day: stock, sales, the shop) in at most 192 MiB of JS heap. */
export const DEFAULT_KEEP_ALIVE: KeepAlivePolicy = {
  maxApps: 3,
  heapBudgetBytes: 192 * 1024 * 1024,
};

/** `sessionStorage` key that turns keep-alive off in one tab (`off`), to tell whether a bug is its. */
export const KEEP_ALIVE_SWITCH = 'mosaic:keep-alive';

/** The policy for this tab: the default, or apps unmounted on leave when switched off. */
export function keepAlivePolicy(): KeepAlivePolicy {
  let off = false;
  try {
    off = window.sessionStorage.getItem(KEEP_ALIVE_SWITCH) === 'off';
  } catch {
    // Storage blocked (privacy mode): keep the default.
  }
  return off ? { ...DEFAULT_KEEP_ALIVE, maxApps: 1 } : DEFAULT_KEEP_ALIVE;
}

/** One app the frame keeps mounted, and when the user last had it on screen. */
export interface KeptApp {
  app: AppEntry;
  lastUsed: number;
}

/** What identifies one load of an app: a new entry is a new load, a re-fetched equal entry is not. */
export function loadKeyOf(app: AppEntry): string {
  return `${app.name}@${app.version} ${entryOf(app)} ${app.override ?? ''}`;
}

function isActive(kept: KeptApp, active: AppEntry | undefined): boolean {
  return active !== undefined && loadKeyOf(kept.app) === loadKeyOf(active);
}

/** Drops the least recently used app that is not on screen, if there is one. */
export function evictOldest(kept: readonly KeptApp[], active: AppEntry | undefined): KeptApp[] {
  const hidden = kept.filter((k) => !isActive(k, active));
  if (hidden.length === 0) return [...kept];
  const oldest = hidden.reduce((a, b) => (b.lastUsed < a.lastUsed ? b : a));
  return kept.filter((k) => k !== oldest);
}

/**
 * The apps to keep mounted after the user moved to `active` (undefined: a page of the frame's
 * own, such as not-found), in a stable order so React never moves a mounted app's DOM. An app
 * whose version, entry or override changed in `apps`, or that left `apps`, is dropped (its new
 * version mounts fresh next time); an app whose manifest says `keepAlive: false` is kept only
 * while on screen; past `policy.maxApps`, the least recently used go first.
 */
export function nextKeptApps(
  kept: readonly KeptApp[],
  active: AppEntry | undefined,
  apps: readonly AppEntry[],
  maxApps: number,
  now: number,
): KeptApp[] {
  const current = new Map(apps.map((app) => [loadKeyOf(app), app]));
  let next = kept.flatMap((k) => {
    const app = current.get(loadKeyOf(k.app));
    return app ? [{ app, lastUsed: k.lastUsed }] : [];
  });
  if (active) {
    const at = next.findIndex((k) => isActive(k, active));
    if (at >= 0) next[at] = { app: active, lastUsed: now };
    else next.push({ app: active, lastUsed: now });
  }
  next = next.filter((k) => isActive(k, active) || (maxApps > 1 && k.app.keepAlive !== false));
  while (next.length > Math.max(1, maxApps)) {
    const shorter = evictOldest(next, active);
    if (shorter.length === next.length) break;
    next = shorter;
  }
  return next;
}
