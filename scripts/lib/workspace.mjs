// What every way of running Mosaic on one machine shares: the service list, building what is
// missing or stale, and publishing the built sub-apps into the data folder's registry.
// Plain JavaScript on purpose: it runs before anything is compiled.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { StartFailure } from './processes.mjs';

/** The repository's root folder. */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The domain services in start order (each only calls ones started before it) with their
 * default loopback ports: contracts/services.json, read as JSON because it runs before anything
 * is built.
 * @returns {{ name: string, port: number, key: string, script: string }[]}
 */
export function readServices() {
  const file = path.join(root, 'contracts', 'services.json');
  return JSON.parse(readFileSync(file, 'utf8')).services.map(
    (/** @type {{ name: string, port: number }} */ { name, port }) => ({
      name,
      port,
      key: name.toUpperCase(),
      script: `services/dist/${name}/main.js`,
    }),
  );
}

/** @param {string} dir @returns {string[]} its sub-folders that are packages */
export function listDirs(dir) {
  const full = path.join(root, dir);
  if (!existsSync(full)) return [];
  return readdirSync(full, { withFileTypes: true })
    .filter(
      (entry) => entry.isDirectory() && existsSync(path.join(full, entry.name, 'package.json')),
    )
    .map((entry) => entry.name);
}

/** Newest modification time of the sources of a package (dist and node_modules excluded). */
function newestSource(/** @type {string} */ dir) {
  let newest = 0;
  const walk = (/** @type {string} */ current) => {
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

/**
 * Run a command to its end with its output in this terminal; a StartFailure naming it and `again`
 * (the command to run once it is fixed) when it fails.
 * @param {string} command @param {string[]} args @param {string} [cwd] @param {Record<string, string>} [env]
 * @param {string} [again]
 */
export function run(command, args, cwd = root, env = {}, again = 'pnpm start') {
  const result = spawnSync(command, args, {
    cwd,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  if (result.status !== 0) {
    throw new StartFailure(
      `'${command} ${args.join(' ')}' failed in ${path.relative(root, cwd) || '.'}; fix the error above and run '${again}' again.`,
    );
  }
}

/**
 * Build every package whose output is missing or older than its sources (in build order; browser
 * bundles inline build-kit's runtime and the UI kit, so those count as their sources too).
 * @param {(message: string) => void} log @param {string} again
 */
export function buildWhatIsMissing(log, again) {
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
  if (!existsSync(path.join(root, 'node_modules'))) {
    log('installing dependencies (first run)');
    run('pnpm', ['install', '--frozen-lockfile'], root, {}, again);
  }
  for (const { dir, output, inputs } of builds) {
    const pkgDir = path.join(root, dir);
    const outFile = path.join(pkgDir, output);
    const newest = Math.max(
      ...[pkgDir, ...inputs.map((d) => path.join(root, d))].map(newestSource),
    );
    if (existsSync(outFile) && newest <= statSync(outFile).mtimeMs) continue;
    log(`building ${dir}`);
    run('pnpm', ['run', 'build'], pkgDir, {}, again);
  }
}

/**
 * The publish token of a data folder: `MOSAIC_PUBLISH_TOKEN` when set, else one made on the
 * first run into `<dataDir>/publish-token` (0600), so `mosaic-app publish` works locally.
 * It is never printed.
 * @param {string} dataDir @param {(message: string) => void} log
 */
export function publishToken(dataDir, log) {
  if (process.env.MOSAIC_PUBLISH_TOKEN) return process.env.MOSAIC_PUBLISH_TOKEN;
  const file = path.join(dataDir, 'publish-token');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
    log(`made a publish token for this data folder in ${path.relative(root, file) || file}`);
  }
  return readFileSync(file, 'utf8').trim();
}

/** A free loopback port. @returns {Promise<number>} */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const free = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(free));
    });
  });
}

/**
 * Publish every built sub-app whose version the registry under `dataDir` does not have yet, the
 * way an app team does: `mosaic-app publish` uploads the build to a BFF's registry API, which
 * checks it and stores it atomically (the first version of an app becomes its stable channel). A
 * BFF on a private port takes the uploads and is stopped afterwards.
 * @param {{ dataDir: string, token: string, env?: Record<string, string>, again: string,
 *   log: (message: string) => void, supervisor: ReturnType<typeof import('./processes.mjs').createSupervisor> }} options
 */
export async function publishApps({ dataDir, token, env = {}, again, log, supervisor }) {
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
  const bff = supervisor.start('bff-publishing', process.execPath, ['bff/dist/server.js'], {
    env: {
      ...env,
      MOSAIC_DATA_DIR: dataDir,
      MOSAIC_PUBLISH_TOKEN: token,
      PORT: String(registryPort),
    },
    quiet: true,
    onExit: () => {},
  });
  try {
    await supervisor.waitFor(`${registry}/healthz`, bff);
    for (const dir of pending) {
      run(
        process.execPath,
        [path.join(root, 'build-kit', 'bin', 'mosaic-app.js'), 'publish', '--registry', registry],
        path.join(root, 'micro-apps', dir),
        { MOSAIC_PUBLISH_TOKEN: token },
        again,
      );
    }
  } finally {
    await supervisor.stopOne(bff);
  }
}
