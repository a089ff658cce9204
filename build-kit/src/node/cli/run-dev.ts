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
   * @default process.env.MOSAIC_SHELL_URL ?? 'http://localhost:8080'
   */
  shellUrl?: string;
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
    return;
  }

  const distDir = path.join(options.root, 'dist');
  const port = options.port ?? 5180;
  const shellUrl = (
    options.shellUrl ??
    process.env.MOSAIC_SHELL_URL ??
    'http://localhost:8080'
  ).replace(/\/$/, '');
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
