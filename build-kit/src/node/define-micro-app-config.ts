import react from '@vitejs/plugin-react';
import type { UserConfig, UserConfigFnObject } from 'vite';
import { assertValidAppName, microAppGlobalName } from '../shared/app-name.js';
import type { AppTitles } from '@mosaic/contracts';
import { assertValidAppTitles } from './assert-app-titles.js';
import { MosaicError, MosaicErrorCode } from '../shared/mosaic-error.js';
import { SHARED_LIBRARIES_GLOBAL, SHARED_MODULES } from '../shared/shared-libraries.js';
import { graphqlDocumentsPlugin } from './graphql-documents-plugin.js';
import { htmlEntryPlugin } from './html-entry-plugin.js';
import { makePluginsReactOnly } from './make-plugins-react-only.js';
import { manifestPlugin } from './manifest-plugin.js';
import { scopeCssPlugin } from './scope-css-plugin.js';
import { sharedEntryPlugin } from './shared-entry-plugin.js';

export interface MicroAppConfigOptions {
  /** App name: a lowercase slug. Names the registry folder, the bundle files and the UMD global. */
  name: string;
  /**
   * Title the shell shows in its navigation (Chinese first, e.g. '库存').
   * @default the name
   */
  title?: string;
  /**
   * The title in other languages, by locale tag, e.g. `{ en: 'Sales' }` (protocol 1.5). The shell
   * shows the one for the user's language (`en` serves `en-US`), else `title`.
   * @default none: every language shows `title`
   */
  titles?: AppTitles;
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
   * Whether the shell may keep the app mounted but hidden when the user opens another app
   * (protocol 1.6 keep-alive), so coming back is instant with its state kept. Set `false` for an
   * app that must start afresh on every visit, or that cannot stand being hidden.
   * @default true
   */
  keepAlive?: boolean;
  /**
   * Module that calls `defineMicroApp(...)` and exports its lifecycles.
   * @default 'src/main.tsx'
   */
  entry?: string;
  /**
   * The BFF's GraphQL schema (`.graphql` files or a folder of them), to check the app's
   * `.graphql` operations and generate their types at build.
   * @default the repository's `bff/app/graphql`, found upward from the app
   */
  graphqlSchema?: string | string[];
  /**
   * Where the standalone dev server proxies `/api` and `/graphql`.
   * @default 'http://localhost:8080'
   */
  devProxyTarget?: string;
}

/**
 * The whole `vite.config.ts` of a sub-app: `defineMicroAppConfig('my-app')`, or
 * the options object when the title, titles, route or roles differ from the defaults. `vite build` writes one classic-script
 * UMD bundle `<name>.js` (qiankun 2 evaluates it in its JS sandbox), `<name>.css`,
 * an `index.html` entry with relative URLs and a `mosaic.json` manifest, plus the same
 * app without React, `<name>.shared.js` behind `index.shared.html`, for a shell that lends its own.
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
  if (options.titles !== undefined) assertValidAppTitles(options.name, options.titles);
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
  return ({ command }): UserConfig => createViteConfig(options, command, 'bundled');
}

type ResolvedOptions = MicroAppConfigOptions & { title: string; route: string; roles: string[] };

/**
 * The Vite config of one of an app's two scripts: `bundled` (React inside; standalone, and the
 * fallback) or `shared` (React read from the shell's `window.__MOSAIC_SHARED__`), which the
 * bundled build runs itself through `mosaic:shared-entry`.
 */
function createViteConfig(
  options: ResolvedOptions,
  command: 'build' | 'serve',
  variant: 'bundled' | 'shared',
): UserConfig {
  const entry = options.entry ?? 'src/main.tsx';
  const proxyTarget = options.devProxyTarget ?? 'http://localhost:8080';
  const scriptFile = `${options.name}.js`;
  const sharedScriptFile = `${options.name}.shared.js`;
  const shared = sharedEntryPlugin({
    scriptFile: sharedScriptFile,
    viteConfig: () => createViteConfig(options, 'build', 'shared'),
  });

  return {
    // Relative asset URLs: the same build works under any /apps/<name>/<version>/.
    base: './',
    plugins:
      variant === 'shared'
        ? [...makePluginsReactOnly(react()), graphqlDocumentsPlugin({ emit: false, types: false })]
        : [
            ...makePluginsReactOnly(react()),
            graphqlDocumentsPlugin({ emit: true, schema: options.graphqlSchema }),
            htmlEntryPlugin({ entry, scriptFile, route: options.route }),
            shared,
            manifestPlugin({
              name: options.name,
              title: options.title,
              ...(options.titles ? { titles: options.titles } : {}),
              route: options.route,
              roles: options.roles,
              ...(options.keepAlive === false ? { keepAlive: false } : {}),
              shared: () => shared.api.manifest,
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
        fileName: () => (variant === 'shared' ? sharedScriptFile : scriptFile),
        cssFileName: options.name,
      },
      cssCodeSplit: false,
      // Versions are immutable folders, so file names need no content hash.
      assetsInlineLimit: Number.MAX_SAFE_INTEGER,
      rolldownOptions:
        variant === 'shared'
          ? {
              external: Object.keys(SHARED_MODULES),
              output: {
                globals: Object.fromEntries(
                  Object.entries(SHARED_MODULES).map(([id, key]) => [
                    id,
                    `${SHARED_LIBRARIES_GLOBAL}.modules.${key}`,
                  ]),
                ),
              },
            }
          : { external: [] },
    },
  };
}
