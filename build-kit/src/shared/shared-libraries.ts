/**
 * Libraries the shell lends to apps built with a shared entry, as modules on one global.
 * The shell sets it on the real `window` before it loads any app; reads through qiankun's
 * Proxy sandbox fall through to `window`, so the app's UMD wrapper finds it there.
 */
export const SHARED_LIBRARIES_GLOBAL = '__MOSAIC_SHARED__';

/**
 * Module ids a shared entry leaves out of its bundle, each with its key in the global's
 * `modules` (identifiers, because a UMD wrapper reads globals as dotted paths).
 */
export const SHARED_MODULES = {
  react: 'react',
  'react/jsx-runtime': 'jsxRuntime',
  'react-dom': 'reactDom',
  'react-dom/client': 'reactDomClient',
} as const;

export type SharedModuleKey = (typeof SHARED_MODULES)[keyof typeof SHARED_MODULES];

/** What the shell puts on `window[SHARED_LIBRARIES_GLOBAL]`. */
export interface SharedLibraries {
  /** Exact React version of `modules` (react and react-dom are always the same release). */
  react: string;
  modules: Readonly<Record<SharedModuleKey, unknown>>;
}

/** `manifest.shared`: the entry that uses the shell's React, and the React it was built with. */
export interface SharedEntryManifest {
  /** The html entry whose script leaves React to the shell, e.g. 'index.shared.html'. */
  entry: string;
  /** Exact React version the app was built and type-checked with, e.g. '19.2.0'. */
  react: string;
}

function majorMinor(version: string): string | undefined {
  return /^(\d+\.\d+)\.\d+/.exec(version)?.[1];
}

/**
 * Whether an app built with React `appReact` may run on the shell's React `shellReact`.
 * The same major.minor: React adds APIs only in minors (19.2 brought `useEffectEvent`,
 * `<Activity>`), and the compiled JSX runtime calls and hooks are stable within a minor; patches
 * are fixes. Exact equality would send every app back to its bundled React on each shell patch.
 */
export function isSharedReactCompatible(appReact: string, shellReact: string): boolean {
  const app = majorMinor(appReact);
  return app !== undefined && app === majorMinor(shellReact);
}
