#!/usr/bin/env node
// `pnpm start`: build what is missing or stale, publish the sub-apps into the local registry,
// then run the services and the BFF as one system on http://localhost:$PORT.
// Plain JavaScript on purpose: it must run before anything is compiled.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.PORT ?? 8080);
const dataDir = path.resolve(root, process.env.MOSAIC_DATA_DIR ?? '.data');
/** Where each process this script starts writes its output (besides this terminal). */
const logDir = path.join(dataDir, 'logs');

/** A start that cannot go on: its message is printed, everything started is stopped, exit 1. */
class StartFailure extends Error {}

/**
 * How long each service and the BFF get to answer /healthz (`MOSAIC_START_TIMEOUT`, seconds).
 * The first start of a service on a cold machine (database created, migrations run) is the slow
 * one; a slow disk or a busy CI machine may need more.
 */
const startTimeoutSeconds = (() => {
  const raw = process.env.MOSAIC_START_TIMEOUT;
  if (raw === undefined || raw === '') return 120;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    process.stderr.write(
      `[mosaic] MOSAIC_START_TIMEOUT must be a number of seconds above 0 (e.g. 300), not '${raw}'\n`,
    );
    process.exit(1);
  }
  return seconds;
})();

/**
 * The domain services, each its own process on a loopback port (`<NAME>_PORT` overrides), in
 * the order and on the default ports of contracts/services.json.
 * Every process gets every `<NAME>_URL`, so services that call each other (sales → inventory)
 * and the BFF find them the same way. A service not built yet is skipped.
 */
const services = JSON.parse(
  readFileSync(path.join(root, 'contracts', 'services.json'), 'utf8'),
).services.map(({ name, port: defaultPort }) => {
  const key = name.toUpperCase();
  const servicePort = Number(process.env[`${key}_PORT`] ?? defaultPort);
  return {
    name,
    script: `services/dist/${name}/main.js`,
    portEnv: { [`${key}_PORT`]: String(servicePort), HOST: '127.0.0.1' },
    urlEnv: { [`${key}_URL`]: `http://127.0.0.1:${servicePort}` },
  };
});

/**
 * Packages in build order: the file whose presence means "built", and the other folders whose
 * sources go into the build (browser bundles inline build-kit's runtime and the UI kit).
 */
const frontendInputs = ['build-kit', 'shared-components', 'contracts'];
const builds = [
  { dir: 'contracts', output: 'dist/src/index.js', inputs: [] },
  { dir: 'services', output: 'dist/catalog/main.js', inputs: ['contracts'] },
  { dir: 'build-kit', output: 'dist/node/index.js', inputs: [] },
  { dir: 'bff', output: 'dist/server.js', inputs: ['contracts'] },
  ...listDirs('micro-apps').map((dir) => ({
    dir: `micro-apps/${dir}`,
    output: 'dist/mosaic.json',
    inputs: frontendInputs,
  })),
  { dir: 'shell', output: 'dist/index.html', inputs: frontendInputs },
];

function log(message) {
  process.stdout.write(`[mosaic] ${message}\n`);
}

function listDirs(dir) {
  const full = path.join(root, dir);
  if (!existsSync(full)) return [];
  return readdirSync(full, { withFileTypes: true })
    .filter(
      (entry) => entry.isDirectory() && existsSync(path.join(full, entry.name, 'package.json')),
    )
    .map((entry) => entry.name);
}

/** Newest modification time of the sources of a package (dist and node_modules excluded). */
function newestSource(dir) {
  let newest = 0;
  const walk = (current) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      if (['node_modules', 'dist', 'test-results', '.data'].includes(entry.name)) continue;
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  walk(dir);
  return newest;
}

function run(command, args, cwd = root, env = {}) {
  const result = spawnSync(command, args, {
    cwd,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  if (result.status !== 0) {
    throw new StartFailure(
      `'${command} ${args.join(' ')}' failed in ${path.relative(root, cwd) || '.'}; fix the error above and run 'pnpm start' again.`,
    );
  }
}

function buildWhatIsMissing() {
  if (!existsSync(path.join(root, 'node_modules'))) {
    log('installing dependencies (first run)');
    run('pnpm', ['install', '--frozen-lockfile']);
  }
  for (const { dir, output, inputs } of builds) {
    const pkgDir = path.join(root, dir);
    const outFile = path.join(pkgDir, output);
    const newest = Math.max(
      ...[pkgDir, ...inputs.map((d) => path.join(root, d))].map(newestSource),
    );
    if (existsSync(outFile) && newest <= statSync(outFile).mtimeMs) continue;
    log(`building ${dir}`);
    run('pnpm', ['run', 'build'], pkgDir);
  }
}

/**
 * The publish token of this data folder: `MOSAIC_PUBLISH_TOKEN` when set, else one made on the
 * first run into `$MOSAIC_DATA_DIR/publish-token` (0600), so `mosaic-app publish` works locally.
 * It is never printed.
 */
function publishToken() {
  if (process.env.MOSAIC_PUBLISH_TOKEN) return process.env.MOSAIC_PUBLISH_TOKEN;
  const file = path.join(dataDir, 'publish-token');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
    log(`made a publish token for this data folder in ${path.relative(root, file) || file}`);
  }
  return readFileSync(file, 'utf8').trim();
}

/** A free loopback port for the short-lived publishing BFF. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port: free } = server.address();
      server.close(() => resolve(free));
    });
  });
}

/**
 * Publish every built sub-app whose version the registry does not have yet, the way an app
 * team does: `mosaic-app publish` uploads the build to the BFF's registry API, which checks it
 * and stores it atomically (the first version of an app becomes its stable channel). A BFF on a
 * private port takes the uploads, so the system answers /healthz only once its apps are in.
 */
async function publishApps(token) {
  const pending = listDirs('micro-apps').filter((dir) => {
    const dist = path.join(root, 'micro-apps', dir, 'dist');
    const manifest = JSON.parse(readFileSync(path.join(dist, 'mosaic.json'), 'utf8'));
    const target = path.join(dataDir, 'registry', 'apps', manifest.name, manifest.version);
    if (!existsSync(target)) return true;
    const published = readFileSync(path.join(target, 'mosaic.json'), 'utf8');
    if (published !== readFileSync(path.join(dist, 'mosaic.json'), 'utf8')) {
      log(
        `${manifest.name}@${manifest.version} is already published and versions never change: ` +
          `bump "version" in micro-apps/${dir}/package.json to publish your changes`,
      );
    }
    return false;
  });
  if (pending.length === 0) return;
  const registryPort = await freePort();
  const registry = `http://127.0.0.1:${registryPort}`;
  const bff = startProcess(
    'bff-publishing',
    'bff/dist/server.js',
    { MOSAIC_PUBLISH_TOKEN: token, PORT: String(registryPort) },
    { quiet: true, onExit: () => {} },
  );
  try {
    await waitFor(`${registry}/healthz`, bff);
    for (const dir of pending) {
      run(
        process.execPath,
        [path.join(root, 'build-kit', 'bin', 'mosaic-app.js'), 'publish', '--registry', registry],
        path.join(root, 'micro-apps', dir),
        { MOSAIC_PUBLISH_TOKEN: token },
      );
    }
  } finally {
    bff.kill('SIGTERM');
    if (bff.exitCode === null) await new Promise((resolve) => bff.once('exit', resolve));
  }
}

/** Every process this script started and that still runs. */
const children = new Set();
let stopping = false;
/** Whether every process answered: until then, output goes to the log files too. */
let systemUp = false;
/** A process that exited before the system was up (reported by the next check). */
let exitedDuringStart;

/**
 * Start `node <script>` with its output in this terminal and in `<dataDir>/logs/<name>.log`
 * (everything until the system is up, then only stderr, so request logs do not fill the disk).
 * Once the system is up, any process that exits stops the whole system.
 */
function startProcess(name, script, env, { quiet = false, onExit } = {}) {
  mkdirSync(logDir, { recursive: true });
  const logFile = path.join(logDir, `${name}.log`);
  const logStream = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(process.execPath, [script], {
    cwd: root,
    env: { ...process.env, MOSAIC_DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  Object.assign(child, { mosaicName: name, logFile });
  child.stdout.on('data', (chunk) => {
    if (!systemUp) logStream.write(chunk);
    if (!quiet) process.stdout.write(chunk);
  });
  child.stderr.on('data', (chunk) => {
    logStream.write(chunk);
    process.stderr.write(chunk);
  });
  children.add(child);
  child.on('exit', (code, signal) => {
    children.delete(child);
    logStream.end();
    if (stopping) return;
    if (onExit) onExit(code, signal);
    else if (!systemUp) exitedDuringStart ??= child;
    else {
      log(`${name} exited (${signal ?? code}); stopping the system (its log: ${logFile})`);
      void stop(1);
    }
  });
  return child;
}

/** Resolves once `url` answers 2xx; a StartFailure naming the process and its log otherwise. */
async function waitFor(url, child) {
  const { mosaicName: name, logFile } = child;
  const deadline = Date.now() + startTimeoutSeconds * 1000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new StartFailure(
        `${name} exited (${child.signalCode ?? child.exitCode}) before it answered ${url}; see its log: ${logFile}`,
      );
    }
    if (exitedDuringStart) {
      const other = exitedDuringStart;
      throw new StartFailure(
        `${other.mosaicName} exited (${other.signalCode ?? other.exitCode}) during start; see its log: ${other.logFile}`,
      );
    }
    try {
      const left = Math.max(1, deadline - Date.now());
      const response = await fetch(url, { signal: AbortSignal.timeout(Math.min(left, 2000)) });
      if (response.ok) return;
    } catch {
      // not listening yet, or too slow to answer
    }
    if (Date.now() >= deadline) {
      throw new StartFailure(
        `${name} did not come up: ${url} did not answer within ${startTimeoutSeconds} s; ` +
          `see its log: ${logFile}. If it is only slow, give it longer with MOSAIC_START_TIMEOUT=<seconds>.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(200, deadline - Date.now())));
  }
}

/** Stop every process this script started (SIGTERM, SIGKILL after 5 s), then exit with `code`. */
async function stop(code) {
  if (stopping) return;
  stopping = true;
  await Promise.all(
    [...children].map(
      (child) =>
        new Promise((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
          child.once('exit', () => {
            clearTimeout(killer);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
  process.exit(code);
}

process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

try {
  buildWhatIsMissing();
  const token = publishToken();
  await publishApps(token);
  const running = services.filter((service) => existsSync(path.join(root, service.script)));
  const urls = Object.assign({}, ...running.map((service) => service.urlEnv));
  const started = running.map((service) => ({
    url: `${Object.values(service.urlEnv)[0]}/healthz`,
    child: startProcess(service.name, service.script, { ...urls, ...service.portEnv }),
  }));
  await Promise.all(started.map(({ url, child }) => waitFor(url, child)));
  const bff = startProcess('bff', 'bff/dist/server.js', {
    ...urls,
    PORT: String(port),
    SHELL_DIST: path.join(root, 'shell', 'dist'),
    MOSAIC_PUBLISH_TOKEN: token,
  });
  await waitFor(`http://127.0.0.1:${port}/healthz`, bff);
  systemUp = true;
  log(`ready on http://localhost:${port} (data in ${path.relative(root, dataDir) || dataDir})`);
} catch (error) {
  if (!(error instanceof StartFailure)) console.error(error);
  log(`start failed: ${error instanceof Error ? error.message : String(error)}`);
  log(`stopping the ${children.size} process(es) started so far`);
  await stop(1);
}
