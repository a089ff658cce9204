// Test helper: start the domain services on free ports, in-process when @mosaic/services exports
// a starter, else as a child process from services/dist/<name>/main.js. Either way every request
// log line lands in one array, so tests can count upstream calls.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as servicesPackage from '@mosaic/services';
import type { LogLine } from '@mosaic/services';
import type { ServiceName } from '@mosaic/contracts';

export { SERVICE_NAMES } from '@mosaic/contracts';
export type { ServiceName } from '@mosaic/contracts';

export interface RunningUpstream {
  name: ServiceName;
  url: string;
  close(): Promise<void>;
}

type Starter = (options: {
  port: number;
  dataDir: string;
  log: (line: LogLine) => void;
  upstreams?: Record<string, string | undefined>;
}) => Promise<{ url: string; close(): Promise<void> }>;

/** Where the other services are, for those that call them (sales): `{catalog: url, …}`. */
export type UpstreamUrls = Partial<Record<ServiceName, string>>;

const servicesDist = fileURLToPath(new URL('../../services/dist/', import.meta.url));

/** Start one service; resolves once it listens. `port` 0 picks a free one. */
export async function startUpstream(
  name: ServiceName,
  dataDir: string,
  log: (line: LogLine) => void,
  urls: UpstreamUrls = {},
  port = 0,
): Promise<RunningUpstream> {
  const starterName = `start${name[0]?.toUpperCase()}${name.slice(1)}`;
  const starter = (servicesPackage as unknown as Record<string, Starter | undefined>)[starterName];
  if (starter) {
    const upstreams = Object.fromEntries(
      Object.entries(urls).map(([service, url]) => [`${service}Url`, url]),
    );
    const running = await starter({ port, dataDir, log, upstreams });
    return { name, url: running.url, close: () => running.close() };
  }
  return spawnUpstream(name, dataDir, log, urls, port);
}

function spawnUpstream(
  name: ServiceName,
  dataDir: string,
  log: (line: LogLine) => void,
  urls: UpstreamUrls,
  port: number,
): Promise<RunningUpstream> {
  const urlEnv = Object.fromEntries(
    Object.entries(urls).map(([service, url]) => [`${service.toUpperCase()}_URL`, url]),
  );
  const child = spawn(process.execPath, [`${servicesDist}${name}/main.js`], {
    env: {
      ...process.env,
      ...urlEnv,
      [`${name.toUpperCase()}_PORT`]: String(port),
      MOSAIC_DATA_DIR: dataDir,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let buffer = '';
    let url: string | undefined;
    child.once('exit', (code) => {
      if (!url)
        reject(new Error(`${name} exited with ${code} before listening; is services/ built?`));
    });
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffer += chunk;
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const text = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        let line: LogLine & { msg?: string };
        try {
          line = JSON.parse(text) as LogLine & { msg?: string };
        } catch {
          continue;
        }
        const listening = /^listening on (\S+)/.exec(line.msg ?? '');
        if (!url && listening?.[1]) {
          url = listening[1];
          resolve({
            name,
            url,
            close: () =>
              new Promise<void>((done) => {
                if (child.exitCode !== null) return done();
                child.once('exit', () => done());
                child.kill('SIGTERM');
              }),
          });
        } else if (line.method) log(line);
      }
    });
  });
}
