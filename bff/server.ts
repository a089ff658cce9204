import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { environmentOrExit } from './config/environment.js';
import { startEgg } from 'egg';

/** Options of startBff. Everything else comes from the environment (see README.md). */
export interface StartBffOptions {
  /** Port to listen on; 0 picks a free one. @default Number(process.env.PORT ?? 8080) */
  port?: number;
  /** Interface to bind. @default process.env.HOST ?? '127.0.0.1' */
  host?: string;
  /** Egg app folder: the compiled dist/ (holding app/, config/, app.js). @default this file's folder */
  baseDir?: string;
  /** Egg server env (`prod`, `local`, `unittest`). @default process.env.EGG_SERVER_ENV ?? 'prod' */
  env?: string;
}

export interface RunningBff {
  url: string;
  close(): Promise<void>;
}

/** Boot Egg in one process (no cluster) and serve it over HTTP. */
export async function startBff(options: StartBffOptions = {}): Promise<RunningBff> {
  const baseDir = options.baseDir ?? path.dirname(fileURLToPath(import.meta.url));
  const app = await startEgg({ baseDir, env: options.env ?? process.env.EGG_SERVER_ENV ?? 'prod' });
  const server = createServer(app.callback());
  // Egg plugins hook the server via this event (cluster mode emits it too).
  app.emit('server', server);
  const host = options.host ?? process.env.HOST ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? Number(process.env.PORT ?? 8080), host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await app.close();
      await app.agent.close();
    },
  };
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  environmentOrExit();
  try {
    const bff = await startBff();
    process.stdout.write(`[bff] listening on ${bff.url}\n`);
    const stop = (): void => {
      void bff.close().then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (err) {
    process.stderr.write(
      `[bff] failed to start: ${err instanceof Error ? err.stack : String(err)}\n`,
    );
    process.exit(1);
  }
}
