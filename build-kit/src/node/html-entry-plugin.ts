import type { Plugin } from 'vite';

export interface HtmlEntryPluginOptions {
  /** Source module the dev server loads, e.g. 'src/main.tsx'. */
  entry: string;
  /** File name of the built UMD bundle, e.g. 'inventory.js'. */
  scriptFile: string;
  /**
   * The app's route, handed to the standalone app as its base path on the dev server
   * (`data-mosaic-base-path` on `#root`), as the shell would hand it.
   * @default '/'
   */
  route?: string;
}

/** The production `index.html`: what qiankun's import-html-entry fetches and parses. */
export function renderIndexHtml(scriptFile: string, cssFiles: readonly string[]): string {
  const links = cssFiles.map((file) => `    <link rel="stylesheet" href="./${file}" />\n`).join('');
  return `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1.0" />
${links}  </head>
  <body>
    <div id="root"></div>
    <script src="./${scriptFile}" entry></script>
  </body>
</html>
`;
}

function renderDevHtml(entry: string, route: string): string {
  return `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1.0" />
  </head>
  <body>
    <div id="root" data-mosaic-base-path="${route.replace(/[^\w/-]/g, '')}"></div>
    <script type="module" src="/${entry}"></script>
  </body>
</html>
`;
}

/**
 * `mosaic:html-entry`: emits `index.html` next to the bundle on build, and serves an
 * equivalent page on the dev server so sub-apps need no html file of their own.
 */
export function htmlEntryPlugin(
  options: HtmlEntryPluginOptions,
): Plugin & { api: { route: string } } {
  return {
    name: 'mosaic:html-entry',
    api: { route: options.route ?? '/' },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = req.url?.split('?')[0] ?? '';
        const wantsHtml = req.headers.accept?.includes('text/html') ?? false;
        if (req.method !== 'GET' || !(url === '/index.html' || (wantsHtml && !url.includes('.')))) {
          next();
          return;
        }
        server
          .transformIndexHtml(req.url ?? '/', renderDevHtml(options.entry, options.route ?? '/'))
          .then((html) => {
            res.setHeader('content-type', 'text/html; charset=utf-8');
            res.end(html);
          })
          .catch(next);
      });
    },
    generateBundle: {
      // Runs after Vite's CSS plugin has emitted the stylesheet.
      order: 'post',
      handler(_outputOptions, bundle) {
        const cssFiles = Object.keys(bundle)
          .filter((file) => file.endsWith('.css'))
          .sort();
        this.emitFile({
          type: 'asset',
          fileName: 'index.html',
          source: renderIndexHtml(options.scriptFile, cssFiles),
        });
      },
    },
  };
}
