#!/usr/bin/env node
// `pnpm start`: build what is missing or stale, publish the sub-apps into the local registry,
// then run the services and the BFF as one system on http://localhost:$PORT.
// Plain JavaScript on purpose: it must run before anything is compiled.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.PORT ?? 8080);
const dataDir = path.resolve(root, process.env.MOSAIC_DATA_DIR ?? '.data');

/**
 * The domain services, each its own process on a loopback port (`<NAME>_PORT` overrides).
 * Every process gets every `<NAME>_URL`, so services that call each other (sales → inventory)
 * and the BFF find them the same way. A service not built yet is skipped.
 */
const services = [
  { name: 'identity', port: 7103 },
  { name: 'catalog', port: 7101 },
  { name: 'pricing', port: 7104 },
  { name: 'party', port: 7105 },
  { name: 'inventory', port: 7102 },
  { name: 'sales', port: 7106 },
].map(({ name, port: defaultPort }) => {
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
const frontendInputs = ['build-kit', 'shared-components'];
const builds = [
  { dir: 'services', output: 'dist/catalog/main.js', inputs: [] },
  { dir: 'build-kit', output: 'dist/node/index.js', inputs: [] },
  { dir: 'bff', output: 'dist/server.js', inputs: [] },
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
    log(
      `'${command} ${args.join(' ')}' failed in ${path.relative(root, cwd) || '.'}; fix the error above and run 'pnpm start' again.`,
    );
    process.exit(result.status ?? 1);
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
  const bff = spawn(process.execPath, ['bff/dist/server.js'], {
    cwd: root,
    env: {
      ...process.env,
      MOSAIC_DATA_DIR: dataDir,
      MOSAIC_PUBLISH_TOKEN: token,
      PORT: String(registryPort),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitFor(`${registry}/healthz`, 'bff (publishing)');
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

const children = new Set();
let stopping = false;

function startProcess(name, script, env) {
  const child = spawn(process.execPath, [script], {
    cwd: root,
    env: { ...process.env, MOSAIC_DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  children.add(child);
  child.on('exit', (code, signal) => {
    children.delete(child);
    if (stopping) return;
    log(`${name} exited (${signal ?? code}); stopping the system`);
    stop(1);
  });
  return child;
}

async function waitFor(url, name, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  log(`${name} did not answer ${url} within ${timeoutMs / 1000}s`);
  stop(1);
}

function stop(code) {
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 3000).unref();
  if (children.size === 0) process.exit(code);
  else
    Promise.all([...children].map((c) => new Promise((r) => c.on('exit', r)))).then(() =>
      process.exit(code),
    );
}

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

buildWhatIsMissing();
const token = publishToken();
await publishApps(token);
const running = services.filter((service) => existsSync(path.join(root, service.script)));
const urls = Object.assign({}, ...running.map((service) => service.urlEnv));
for (const service of running) {
  startProcess(service.name, service.script, { ...urls, ...service.portEnv });
}
await Promise.all(
  running.map((service) => waitFor(`${Object.values(service.urlEnv)[0]}/healthz`, service.name)),
);
startProcess('bff', 'bff/dist/server.js', {
  ...urls,
  PORT: String(port),
  SHELL_DIST: path.join(root, 'shell', 'dist'),
  MOSAIC_PUBLISH_TOKEN: token,
});
await waitFor(`http://127.0.0.1:${port}/healthz`, 'bff');
log(`ready on http://localhost:${port} (data in ${path.relative(root, dataDir) || dataDir})`);
