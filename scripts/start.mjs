#!/usr/bin/env node
// `pnpm start`: build what is missing or stale, publish the sub-apps into the local registry,
// then run the services and the BFF as one system on http://localhost:$PORT.
// Plain JavaScript on purpose: it must run before anything is compiled.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createSupervisor, StartFailure, startTimeoutSeconds } from './lib/processes.mjs';
import {
  buildWhatIsMissing,
  publishApps,
  publishToken,
  readServices,
  root,
} from './lib/workspace.mjs';

const port = Number(process.env.PORT ?? 8080);
const dataDir = path.resolve(root, process.env.MOSAIC_DATA_DIR ?? '.data');

function log(message) {
  process.stdout.write(`[mosaic] ${message}\n`);
}

const supervisor = createSupervisor({
  cwd: root,
  // Where each process this script starts writes its output (besides this terminal).
  logDir: path.join(dataDir, 'logs'),
  log,
  timeoutSeconds: startTimeoutSeconds(),
});

/**
 * The domain services, each its own process on a loopback port (`<NAME>_PORT` overrides), in
 * the order and on the default ports of contracts/services.json.
 * Every process gets every `<NAME>_URL`, so services that call each other (sales → inventory)
 * and the BFF find them the same way. A service not built yet is skipped.
 */
const services = readServices().map(({ name, key, port: defaultPort, script }) => {
  const servicePort = Number(process.env[`${key}_PORT`] ?? defaultPort);
  return {
    name,
    script,
    portEnv: { [`${key}_PORT`]: String(servicePort), HOST: '127.0.0.1' },
    urlEnv: { [`${key}_URL`]: `http://127.0.0.1:${servicePort}` },
  };
});

let stopping = false;
/** Stop every process this script started (SIGTERM, SIGKILL after 5 s), then exit with `code`. */
async function stop(code) {
  if (stopping) return;
  stopping = true;
  await supervisor.stopAll();
  process.exit(code);
}
supervisor.onFatal((code) => void stop(code));

process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

const startNode = (name, script, env) =>
  supervisor.start(name, process.execPath, [script], { env: { MOSAIC_DATA_DIR: dataDir, ...env } });

try {
  buildWhatIsMissing(log, 'pnpm start');
  const token = publishToken(dataDir, log);
  await publishApps({ dataDir, token, again: 'pnpm start', log, supervisor });
  const running = services.filter((service) => existsSync(path.join(root, service.script)));
  const urls = Object.assign({}, ...running.map((service) => service.urlEnv));
  const started = running.map((service) => ({
    url: `${Object.values(service.urlEnv)[0]}/healthz`,
    child: startNode(service.name, service.script, { ...urls, ...service.portEnv }),
  }));
  await Promise.all(started.map(({ url, child }) => supervisor.waitFor(url, child)));
  const bff = startNode('bff', 'bff/dist/server.js', {
    ...urls,
    PORT: String(port),
    SHELL_DIST: path.join(root, 'shell', 'dist'),
    MOSAIC_PUBLISH_TOKEN: token,
  });
  await supervisor.waitFor(`http://127.0.0.1:${port}/healthz`, bff);
  supervisor.markUp();
  log(`ready on http://localhost:${port} (data in ${path.relative(root, dataDir) || dataDir})`);
} catch (error) {
  if (!(error instanceof StartFailure)) console.error(error);
  log(`start failed: ${error instanceof Error ? error.message : String(error)}`);
  log(`stopping the ${supervisor.children.size} process(es) started so far`);
  await stop(1);
}
