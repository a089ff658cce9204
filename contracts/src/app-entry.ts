import type { AppTitles } from './app-titles.js';

/** The entry that takes React from the shell, and the React it was built with (protocol 1.4). */
export interface SharedEntry {
  /** e.g. `'/apps/inventory/0.3.0/index.shared.html'` in `/api/apps`, `'index.shared.html'` in a manifest. */
  entry: string;
  /** e.g. `'19.3.1'`. */
  react: string;
}

/** One entry of `GET /api/apps`: an app this user may open, at the version this tenant gets. */
export interface AppEntry {
  name: string;
  version: string;
  /** The default title; show the one `titles` has for the user's language first. */
  title: string;
  titles?: AppTitles;
  route: string;
  /** URL of the app's HTML entry, e.g. `'/apps/inventory/0.1.0/index.html'`. */
  entry: string;
  protocol: string;
  shared?: SharedEntry;
  /** `false`: the shell unmounts the app when the user leaves it (manifest flag, protocol 1.6). */
  keepAlive?: false;
  /**
   * On a canary version only: the tenant's stable version of the same app, which the shell
   * loads instead at once when the canary fails to load or mount.
   */
  fallback?: AppFallback;
}

/** The stable version behind a canary entry (same shape as the entry's own version fields). */
export interface AppFallback {
  version: string;
  entry: string;
  protocol: string;
  shared?: SharedEntry;
}

/** `GET /api/apps`. */
export interface AppList {
  apps: AppEntry[];
  /**
   * Whether this user, in this environment, may load local builds (dev overrides); absent when
   * the BFF does not say.
   */
  devOverrides?: boolean;
}
