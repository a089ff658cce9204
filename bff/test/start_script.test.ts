// `pnpm start` (scripts/start.mjs) run for real on a stand-in checkout: the real script, with tiny
// stand-ins for the built services and BFF that come up, hang or crash on demand.
import { spawn } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SERVICE_NAMES } from '@mosaic/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from './start_redis.js';

const startScript = fileURLToPath(new URL('../../scripts/start.mjs', import.meta.url));
const SERVICES = SERVICE_NAMES;

/** A stand-in for a built process: writes its pid, then comes up, hangs or crashes. */
function standIn(name: string, portVariable: string): string {
  const mode = `FAKE_${name.toUpperCase()}`;
  return `import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
fs.writeFileSync(path.join(process.env.FAKE_PIDS, '${name}'), String(process.pid));
const mode = process.env.${mode} ?? 'up';
if (mode === 'crash') {
  console.error('${name}: cannot open its database');
  process.exit(3);
}
console.log('${name} starting');
http
  .createServer((req, res) => (mode === 'hang' ? undefined : res.end('ok')))
  .listen(Number(process.env.${portVariable}), '127.0.0.1');
`;
}

interface Checkout {
  root: string;
  pids: string;
  dataDir: string;
  ports: Record<string, number>;
}

async function standInCheckout(): Promise<Checkout> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'mosaic-start-'));
  const pids = path.join(root, 'pids');
  for (const dir of [
    'scripts',
    'node_modules',
    'build-kit/dist/node',
    'contracts/dist/src',
    'shared-components',
    'shell/dist',
    'bff/dist',
    pids,
  ])
    mkdirSync(path.resolve(root, dir), { recursive: true });
  copyFileSync(startScript, path.join(root, 'scripts', 'start.mjs'));
  cpSync(path.join(path.dirname(startScript), 'lib'), path.join(root, 'scripts', 'lib'), {
    recursive: true,
  });
  writeFileSync(path.join(root, 'build-kit/dist/node/index.js'), '');
  // The service list first, then its "build", so the build is not older than its source.
  copyFileSync(
    fileURLToPath(new URL('../../contracts/services.json', import.meta.url)),
    path.join(root, 'contracts/services.json'),
  );
  writeFileSync(path.join(root, 'contracts/dist/src/index.js'), '');
  writeFileSync(path.join(root, 'shell/dist/index.html'), '');
  writeFileSync(path.join(root, 'bff/dist/server.js'), standIn('bff', 'PORT'));
  const ports: Record<string, number> = { bff: await freePort() };
  for (const name of SERVICES) {
    mkdirSync(path.join(root, 'services/dist', name), { recursive: true });
    writeFileSync(
      path.join(root, 'services/dist', name, 'main.js'),
      standIn(name, `${name.toUpperCase()}_PORT`),
    );
    ports[name] = await freePort();
  }
  return { root, pids, dataDir: path.join(root, '.data'), ports };
}

interface Run {
  code: number | null;
  output: string;
}

function runStart(
  checkout: Checkout,
  env: Record<string, string>,
  whenReady?: (child: ReturnType<typeof spawn>) => void,
): Promise<Run> {
  const child = spawn(process.execPath, [path.join(checkout.root, 'scripts', 'start.mjs')], {
    env: {
      PATH: process.env.PATH ?? '',
      MOSAIC_DATA_DIR: checkout.dataDir,
      FAKE_PIDS: checkout.pids,
      PORT: String(checkout.ports.bff),
      ...Object.fromEntries(
        SERVICES.map((name) => [`${name.toUpperCase()}_PORT`, String(checkout.ports[name])]),
      ),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer): void => {
    output += chunk.toString('utf8');
    if (whenReady && output.includes('[mosaic] ready on')) {
      whenReady(child);
      whenReady = undefined;
    }
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

/** Whether anything accepts connections on `port` now. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The stand-ins that were started, by name, with whether each still runs. */
function startedProcesses(checkout: Checkout): Record<string, boolean> {
  return Object.fromEntries(
    readdirSync(checkout.pids).map((name) => [
      name,
      alive(Number(readFileSync(path.join(checkout.pids, name), 'utf8'))),
    ]),
  );
}

async function expectNothingLeft(checkout: Checkout): Promise<void> {
  for (const [name, port] of Object.entries(checkout.ports)) {
    expect(await listening(port), `${name} still listens on ${port}`).toBe(false);
  }
  for (const [name, running] of Object.entries(startedProcesses(checkout))) {
    expect(running, `${name} still runs`).toBe(false);
  }
}

let checkout: Checkout | undefined;
afterEach(() => {
  // A failed assertion must not leave stand-ins behind either.
  if (checkout) {
    for (const name of existsSync(checkout.pids) ? readdirSync(checkout.pids) : []) {
      const pid = Number(readFileSync(path.join(checkout.pids, name), 'utf8'));
      if (alive(pid)) process.kill(pid, 'SIGKILL');
    }
    rmSync(checkout.root, { recursive: true, force: true });
  }
  checkout = undefined;
});

describe('pnpm start', () => {
  it('names the service that did not come up and its log, and leaves nothing running', async () => {
    checkout = await standInCheckout();
    const run = await runStart(checkout, { MOSAIC_START_TIMEOUT: '1', FAKE_IDENTITY: 'hang' });
    expect(run.code).toBe(1);
    const log = path.join(checkout.dataDir, 'logs', 'identity.log');
    expect(run.output).toContain(`identity did not come up`);
    expect(run.output).toContain(`see its log: ${log}`);
    expect(run.output).toContain('MOSAIC_START_TIMEOUT');
    expect(readFileSync(log, 'utf8')).toContain('identity starting');
    // The BFF is never started on a system whose services are not up.
    expect(Object.keys(startedProcesses(checkout))).not.toContain('bff');
    await expectNothingLeft(checkout);
  });

  it('stops the services and the BFF when the BFF does not come up', async () => {
    checkout = await standInCheckout();
    const run = await runStart(checkout, { MOSAIC_START_TIMEOUT: '1', FAKE_BFF: 'hang' });
    expect(run.code).toBe(1);
    expect(run.output).toContain('bff did not come up');
    expect(run.output).toContain(path.join(checkout.dataDir, 'logs', 'bff.log'));
    expect(Object.keys(startedProcesses(checkout)).sort()).toEqual([...SERVICES, 'bff'].sort());
    await expectNothingLeft(checkout);
  });

  it('says at once which service crashed, with what it wrote', async () => {
    checkout = await standInCheckout();
    const started = Date.now();
    const run = await runStart(checkout, { MOSAIC_START_TIMEOUT: '60', FAKE_CATALOG: 'crash' });
    expect(run.code).toBe(1);
    expect(Date.now() - started).toBeLessThan(20_000);
    const log = path.join(checkout.dataDir, 'logs', 'catalog.log');
    expect(run.output).toContain(`catalog exited (3)`);
    expect(run.output).toContain(log);
    expect(readFileSync(log, 'utf8')).toContain('cannot open its database');
    await expectNothingLeft(checkout);
  });

  it('runs until stopped once everything answers, then stops everything', async () => {
    checkout = await standInCheckout();
    const run = await runStart(checkout, { MOSAIC_START_TIMEOUT: '30' }, (child) =>
      child.kill('SIGTERM'),
    );
    expect(run.output).toContain('[mosaic] ready on');
    expect(run.code).toBe(0);
    await expectNothingLeft(checkout);
  });

  it('refuses a wait that is not a number of seconds', async () => {
    checkout = await standInCheckout();
    const run = await runStart(checkout, { MOSAIC_START_TIMEOUT: 'soon' });
    expect(run.code).toBe(1);
    expect(run.output).toContain('MOSAIC_START_TIMEOUT must be a number of seconds above 0');
    expect(startedProcesses(checkout)).toEqual({});
  });
});
