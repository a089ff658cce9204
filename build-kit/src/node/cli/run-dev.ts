import path from 'node:path';
import { build, createServer } from 'vite';
import { findAppConfig } from './find-app-config.js';
import { readManifest } from './read-manifest.js';
import { serveDist } from './serve-dist.js';

export interface RunDevOptions {
  /** The app's folder. */
  root: string;
  /** Port of the dev server (standalone) or of the build server (`--shell`). */
  port?: number;
  /**
   * Build on every change and serve the build for the shell's developer override,
   * instead of the standalone dev server.
   */
  shell?: boolean;
  /**
   * The shell the printed override link points at.
   * @default process.env.MOSAIC_SHELL_URL, else the registry (the BFF that hosts it serves the shell)
   */
  shellUrl?: string;
  /**
   * The registry given to the CLI (`--registry`); its origin serves the shell too.
   * @default process.env.MOSAIC_REGISTRY_URL ?? 'http://localhost:8080'
   */
  registry?: string;
}

/** Where the override link points: the shell the developer named, else their registry's origin. */
export function shellUrlOf(options: Pick<RunDevOptions, 'shellUrl' | 'registry'>): string {
  return (
    options.shellUrl ??
    process.env.MOSAIC_SHELL_URL ??
    options.registry ??
    process.env.MOSAIC_REGISTRY_URL ??
    'http://localhost:8080'
  ).replace(/\/$/, '');
}

/**
 * `mosaic-app dev`: the app on its own Vite dev server (hot reload, stand-in context),
 * or with `--shell` a watched production build served with CORS, ready to be loaded
 * into the real shell through the developer override.
 */
export async function runDev(options: RunDevOptions): Promise<void> {
  const configFile = findAppConfig(options.root);
  if (!options.shell) {
    const server = await createServer({
      root: options.root,
      configFile,
      server: { port: options.port ?? 5173 },
    });
    await server.listen();
    server.printUrls();
    const url = server.resolvedUrls?.local[0];
    const htmlEntry = server.config.plugins.find((p) => p.name === 'mosaic:html-entry') as
      { api?: { route?: string } } | undefined;
    const route = htmlEntry?.api?.route;
    if (url && route) {
      console.log(`  [mosaic-app] the app lives at its route: ${url.replace(/\/$/, '')}${route}`);
    }
    return;
  }

  const distDir = path.join(options.root, 'dist');
  const port = options.port ?? 5180;
  const shellUrl = shellUrlOf(options);
  let announced = false;
  const watcher = await build({
    root: options.root,
    configFile,
    logLevel: 'warn',
    build: { watch: {} },
  });
  await serveDist({ dir: distDir, port });
  if ('on' in watcher) {
    watcher.on('event', (event) => {
      if (event.code === 'ERROR')
        console.error(`[mosaic-app] build failed: ${event.error.message}`);
      if (event.code !== 'END') return;
      const manifest = readManifest(distDir);
      const base = `http://127.0.0.1:${port}/`;
      if (!announced) {
        announced = true;
        console.log(
          `[mosaic-app] ${manifest.name}@${manifest.version} is served at ${base}\n` +
            `  Load it into the shell, in this browser only:\n` +
            `  ${shellUrl}${manifest.route}?mosaic-override=${manifest.name}=${encodeURIComponent(base)}\n` +
            `  Rebuilt on every change; reload the page to pick it up.`,
        );
      } else {
        console.log(`[mosaic-app] rebuilt ${manifest.name}; reload the shell page`);
      }
    });
  }
}
