import path from 'node:path';
import type { Plugin } from 'vite';
import { declaresReact } from './react-version-of.js';

/**
 * Wraps `@vitejs/plugin-react` so it applies only to an app whose package.json lists React: a
 * plain-TypeScript app gets no JSX refresh preamble and no "failed to resolve react"
 * pre-bundling warnings from `mosaic-app dev`. The app's root is read from the config Vite is
 * given (the CLI passes it), else the working folder.
 */
export function makePluginsReactOnly(plugins: readonly Plugin[]): Plugin[] {
  return plugins.map((plugin) => {
    const original = plugin.apply;
    return {
      ...plugin,
      apply(config, env) {
        if (!declaresReact(path.resolve(config.root ?? process.cwd()))) return false;
        if (typeof original === 'function') return original(config, env);
        return original === undefined || original === env.command;
      },
    };
  });
}
