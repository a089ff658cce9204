import { build } from 'vite';
import type { Plugin, Rolldown, UserConfig } from 'vite';
import type { SharedEntryManifest } from '../shared/shared-libraries.js';
import { renderIndexHtml } from './html-entry-plugin.js';
import { isReactModule, reactVersionOf } from './react-version-of.js';

export interface SharedEntryPluginOptions {
  /** File name of the UMD bundle without React, e.g. 'inventory.shared.js'. */
  scriptFile: string;
  /** The preset's config for that bundle (React external, read from the shell's global). */
  viteConfig: () => UserConfig;
}

/** The html entry of the shared script; the shell picks it when the React versions allow. */
export const SHARED_HTML_ENTRY = 'index.shared.html';

/**
 * `mosaic:shared-entry`: during the build of an app that bundles React, builds the same entry again with
 * React external and adds `<name>.shared.js` and `index.shared.html` (same stylesheet) to the
 * output, so `mosaic.json` hashes them like every other file. `api.manifest` is the manifest's
 * `shared` field, set once the second build is done.
 */
export function sharedEntryPlugin(
  options: SharedEntryPluginOptions,
): Plugin & { api: { manifest: SharedEntryManifest | undefined } } {
  let root = process.cwd();
  const api: { manifest: SharedEntryManifest | undefined } = { manifest: undefined };
  return {
    name: 'mosaic:shared-entry',
    apply: 'build',
    api,
    configResolved(config) {
      root = config.root;
    },
    generateBundle: {
      // After mosaic:html-entry, before mosaic:manifest (post hooks run in plugin order).
      order: 'post',
      async handler(_outputOptions, bundle) {
        api.manifest = undefined;
        const react = reactVersionOf(root);
        // Nothing to share when the bundle has no React in it (a plain-TypeScript app, even one
        // that could resolve React): index.html alone, not two identical scripts.
        if (!react || ![...this.getModuleIds()].some(isReactModule)) return;
        const config = options.viteConfig();
        const result = (await build({
          ...config,
          root,
          configFile: false,
          logLevel: 'warn',
          build: { ...config.build, write: false, emptyOutDir: false },
        })) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[];
        const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);
        const script = outputs.find(
          (item): item is Rolldown.OutputChunk =>
            item.type === 'chunk' && item.fileName === options.scriptFile,
        );
        if (!script)
          throw new Error(`mosaic:shared-entry: the build wrote no ${options.scriptFile}`);
        const cssFiles = Object.keys(bundle)
          .filter((file) => file.endsWith('.css'))
          .sort();
        this.emitFile({ type: 'asset', fileName: options.scriptFile, source: script.code });
        this.emitFile({
          type: 'asset',
          fileName: SHARED_HTML_ENTRY,
          source: renderIndexHtml(options.scriptFile, cssFiles),
        });
        api.manifest = { entry: SHARED_HTML_ENTRY, react };
      },
    },
  };
}
