/**
 * qiankun's `loadMicroApp` keeps each app's load per name and container, a failed load
 * included, and hands the same rejection back forever after. So once a load fails, the app is
 * loaded under a new generation: a new qiankun name (hence a new cache key) and new asset URLs
 * (import-html-entry also caches fetches per URL). Generation 0 keeps the published name and
 * URLs, so immutable caching and qiankun's reuse of a good load still work.
 */
const generations = new Map<string, number>();

/** The generation the next load of `appName` should use. */
export function loadGeneration(appName: string): number {
  return generations.get(appName) ?? 0;
}

/** Records that a load of `appName` in `generation` failed; the next load starts a new one. */
export function markLoadFailed(appName: string, generation: number): void {
  if (loadGeneration(appName) === generation) generations.set(appName, generation + 1);
}

/** The qiankun name for a generation: the bundle's UMD global first, then a fresh suffix. */
export function qiankunNameFor(globalName: string, generation: number): string {
  return generation === 0 ? globalName : `${globalName}__g${generation}`;
}
