import react from '@vitejs/plugin-react';
import type { UserConfig, UserConfigFnObject } from 'vite';
import { assertValidAppName, microAppGlobalName } from '../shared/app-name.js';
import { MosaicError, MosaicErrorCode } from '../shared/mosaic-error.js';
import { htmlEntryPlugin } from './html-entry-plugin.js';
import { manifestPlugin } from './manifest-plugin.js';
import { scopeCssPlugin } from './scope-css-plugin.js';

export interface MicroAppConfigOptions {
  /** App name: a lowercase slug. Names the registry folder, the bundle files and the UMD global. */
  name: string;
  /**
   * Title the shell shows in its navigation (Chinese first, e.g. '库存').
   * @default the name
   */
  title?: string;
  /**
   * Route the shell mounts the app at, e.g. '/inventory'.
   * @default `/${name}`
   */
  route?: string;
  /**
   * Roles allowed to open the app; the BFF filters `/api/apps` with them.
   * @default ['owner']
   */
  roles?: string[];
  /**
   * Module that calls `defineMicroApp(...)` and exports its lifecycles.
   * @default 'src/main.tsx'
   */
  entry?: string;
  /**
   * Where the standalone dev server proxies `/api` and `/graphql`.
   * @default 'http://localhost:8080'
   */
  devProxyTarget?: string;
}

/**
 * The whole `vite.config.ts` of a sub-app: `defineMicroAppConfig('my-app')`, or
 * the options object when the title, route or roles differ from the defaults. `vite build` writes one classic-script
 * UMD bundle `<name>.js` (qiankun 2 evaluates it in its JS sandbox), `<name>.css`,
 * an `index.html` entry with relative URLs and a `mosaic.json` manifest.
 * `vite` (dev) serves the app standalone with a stand-in mount context.
 */
export function defineMicroAppConfig(
  nameOrOptions: string | MicroAppConfigOptions,
): UserConfigFnObject {
  const given = typeof nameOrOptions === 'string' ? { name: nameOrOptions } : nameOrOptions;
  if (typeof given?.name !== 'string' || given.name === '') {
    throw new MosaicError(
      MosaicErrorCode.INVALID_APP_CONFIG,
      `the app has no name: write \`export default defineMicroAppConfig('my-app')\` in vite.config.ts`,
    );
  }
  assertValidAppName(given.name);
  const options = {
    ...given,
    title: given.title ?? given.name,
    route: given.route ?? `/${given.name}`,
    roles: given.roles ?? ['owner'],
  };
  if (!options.route.startsWith('/')) {
    throw new MosaicError(
      MosaicErrorCode.INVALID_APP_CONFIG,
      `app '${options.name}': route '${options.route}' must start with '/', e.g. '/${options.name}'`,
    );
  }
  if (options.roles.length === 0) {
    throw new MosaicError(
      MosaicErrorCode.INVALID_APP_CONFIG,
      `app '${options.name}': roles is empty, so nobody could open it; list at least one role, e.g. ['owner']`,
    );
  }
  const entry = options.entry ?? 'src/main.tsx';
  const proxyTarget = options.devProxyTarget ?? 'http://localhost:8080';
  const scriptFile = `${options.name}.js`;

  return ({ command }): UserConfig => ({
    // Relative asset URLs: the same build works under any /apps/<name>/<version>/.
    base: './',
    plugins: [
      react(),
      htmlEntryPlugin({ entry, scriptFile }),
      manifestPlugin({
        name: options.name,
        title: options.title,
        route: options.route,
        roles: options.roles,
      }),
    ],
    // Library mode leaves process.env alone; React needs it replaced to drop dev code.
    define:
      command === 'build' ? { 'process.env.NODE_ENV': JSON.stringify('production') } : undefined,
    // The app's CSS matches only inside its root, so it cannot restyle the shell or other apps.
    css: { postcss: { plugins: [scopeCssPlugin(options.name)] } },
    server: {
      proxy: {
        '/api': proxyTarget,
        '/graphql': proxyTarget,
      },
    },
    build: {
      // A classic script, not ES modules: qiankun 2 runs entry scripts through eval in its sandbox.
      lib: {
        entry,
        name: microAppGlobalName(options.name),
        formats: ['umd'],
        fileName: () => scriptFile,
        cssFileName: options.name,
      },
      cssCodeSplit: false,
      // Versions are immutable folders, so file names need no content hash.
      assetsInlineLimit: Number.MAX_SAFE_INTEGER,
      rolldownOptions: {
        // React is bundled for now; sharing it with the shell is a later step.
        external: [],
      },
    },
  });
}
