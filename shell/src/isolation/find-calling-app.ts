/** An app the shell is guarding, known by where its code was loaded from. */
export interface GuardedApp {
  /** Base URL of the app's assets, e.g. 'http://host/apps/careless/0.1.0/'. */
  assetBase: string;
}

/**
 * The guarded app whose code made the current call, or `undefined` when none did.
 * import-html-entry evaluates each app script with `//# sourceURL=<its url>`, so the app's
 * frames in a stack carry its asset base; the innermost app frame wins. A call the shell
 * makes synchronously on an app's behalf counts as the app's: the shell does none on
 * `document.head`, `document.body` or `document` listeners.
 */
export function findCallingApp<T extends GuardedApp>(apps: readonly T[]): T | undefined {
  if (apps.length === 0) return undefined;
  const stack = new Error().stack ?? '';
  let found: T | undefined;
  let at = Infinity;
  for (const app of apps) {
    const index = stack.indexOf(app.assetBase);
    if (index >= 0 && index < at) {
      found = app;
      at = index;
    }
  }
  return found;
}
