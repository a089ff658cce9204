import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { SERVICE_NAMES } from '@mosaic/contracts';
import type { ServiceName } from '@mosaic/contracts';
import { freePort } from './free-port.js';
import { startChild, waitForHttp } from './child.js';
import type { Child } from './child.js';

export { SERVICE_NAMES };
export type { ServiceName };

/** The system as `pnpm start` runs it, from the built dist folders, on free ports. */
export interface RunningSystem {
  /** The BFF serving the shell, sub-apps, /api and /graphql. */
  url: string;
  /** Each service's base URL, for the BFFs and peers under load. */
  serviceUrls: Record<ServiceName, string>;
  /** Requests each service has logged so far (its one JSON line per request on stdout). */
  calls(): Record<ServiceName, number>;
  /** The built sub-apps published into this system's registry. */
  apps: string[];
  stop(): Promise<void>;
}

/** Options of startSystem. */
export interface StartSystemOptions {
  root: string;
  dataDir: string;
  /** Environment every process gets (the session secret, ACCESS_LOG, …). */
  env: Record<string, string>;
}

/**
 * The services and a BFF like `scripts/start.mjs`, but never rebuilding: it runs what is in
 * dist/ (start.mjs would rebuild packages someone is editing mid-run). Built sub-apps are
 * published with `mosaic-app publish`, as start.mjs does.
 */
export async function startSystem(options: StartSystemOptions): Promise<RunningSystem> {
  const { root } = options;
  const children: Child[] = [];
  const counts = Object.fromEntries(SERVICE_NAMES.map((n) => [n, 0])) as Record<
    ServiceName,
    number
  >;
  const serviceUrls = {} as Record<ServiceName, string>;
  const ports = {} as Record<ServiceName, number>;
  for (const name of SERVICE_NAMES) {
    ports[name] = await freePort();
    serviceUrls[name] = `http://127.0.0.1:${ports[name]}`;
  }
  const env = { ...options.env, MOSAIC_DATA_DIR: options.dataDir, ...upstreamEnv(serviceUrls) };
  try {
    for (const name of SERVICE_NAMES) {
      children.push(
        startChild({
          name,
          args: [path.join(root, 'services', 'dist', name, 'main.js')],
          cwd: root,
          env: { ...env, [`${name.toUpperCase()}_PORT`]: String(ports[name]), HOST: '127.0.0.1' },
          onLine(line) {
            if (line.startsWith('{')) counts[name] += 1;
          },
        }),
      );
    }
    await Promise.all(SERVICE_NAMES.map((n) => waitForHttp(`${serviceUrls[n]}/healthz`, n)));
    const port = await freePort();
    const token = `bench-${Date.now()}-publish-token`;
    children.push(
      startChild({
        name: 'bff',
        args: [path.join(root, 'bff', 'dist', 'server.js')],
        cwd: root,
        env: { ...env, PORT: String(port), MOSAIC_PUBLISH_TOKEN: token },
      }),
    );
    const url = `http://127.0.0.1:${port}`;
    await waitForHttp(`${url}/healthz`, 'bff');
    const apps: string[] = [];
    const appsDir = path.join(root, 'micro-apps');
    for (const dir of readdirSync(appsDir)) {
      if (!existsSync(path.join(appsDir, dir, 'dist', 'mosaic.json'))) continue;
      execFileSync(
        process.execPath,
        [path.join(root, 'build-kit', 'bin', 'mosaic-app.js'), 'publish', '--registry', url],
        {
          cwd: path.join(appsDir, dir),
          env: { ...process.env, MOSAIC_PUBLISH_TOKEN: token },
          stdio: 'ignore',
        },
      );
      apps.push(dir);
    }
    return {
      url,
      serviceUrls,
      apps,
      calls: () => ({ ...counts }),
      stop: async () => {
        await Promise.all(children.map((c) => c.stop()));
      },
    };
  } catch (err) {
    await Promise.all(children.map((c) => c.stop()));
    throw err;
  }
}

/** The `<NAME>_URL` variables a BFF needs to find the services. */
export function upstreamEnv(urls: Record<ServiceName, string>): Record<string, string> {
  return Object.fromEntries(SERVICE_NAMES.map((n) => [`${n.toUpperCase()}_URL`, urls[n]]));
}
