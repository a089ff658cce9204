// @vitest-environment node
// `mosaic-app create` then `mosaic-app build`, as an outside team runs them: the app folder is
// outside this repository and reaches build-kit through node_modules (what `link:` installs).
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { manifestSealText, readManifestSeal } from '@mosaic/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../cli.js';

const buildKit = fileURLToPath(new URL('../../../', import.meta.url));
/** Defined by the react package itself: a script holding it carries a copy of React. */
const REACT_MARKER = '__CLIENT_INTERNALS_DO_NOT_USE_OR_WARN_USERS_THEY_CANNOT_UPGRADE';

/** `node_modules/<name>` of the app → build-kit's own copy, as an install would link it. */
function link(appDir: string, name: string, target: string): void {
  const at = path.join(appDir, 'node_modules', name);
  mkdirSync(path.dirname(at), { recursive: true });
  symlinkSync(target, at, 'dir');
}

function quietly(): () => string {
  vi.spyOn(console, 'error').mockImplementation(() => {});
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  return () => log.mock.calls.map((call) => call.join(' ')).join('\n');
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('given the vanilla template', () => {
  it('scaffolds a React-free app that builds into one sealed bundle', async () => {
    const cwd = mkdtempSync(path.join(os.tmpdir(), 'mosaic-create-'));
    const output = quietly();

    expect(await main(['create', 'tally', '--template', 'vanilla'], cwd)).toBe(0);
    const dir = path.join(cwd, 'tally');
    expect(output()).toContain(`created tally (vanilla) in ${dir}`);
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    expect(Object.keys(pkg.dependencies)).toEqual(['@mosaic/build-kit']);
    expect(pkg.dependencies['@mosaic/build-kit']).toMatch(/^link:.*build-kit$/);
    expect(JSON.stringify(pkg)).not.toContain('react');
    link(dir, '@mosaic/build-kit', buildKit);
    // React reachable but unused must not make a second bundle either.
    link(dir, 'react', path.join(buildKit, 'node_modules', 'react'));

    expect(await main(['build'], dir)).toBe(0);

    const dist = path.join(dir, 'dist');
    expect(readdirSync(dist).sort()).toEqual([
      'index.html',
      'mosaic.json',
      'tally.css',
      'tally.js',
    ]);
    const manifest = JSON.parse(readFileSync(path.join(dist, 'mosaic.json'), 'utf8'));
    expect(manifest).toMatchObject({ name: 'tally', route: '/tally', entry: 'index.html' });
    expect(manifest).not.toHaveProperty('shared');
    expect(manifest.files.map((f: { path: string }) => f.path)).toEqual([
      'index.html',
      'tally.css',
      'tally.js',
    ]);
    expect(readFileSync(path.join(dist, 'tally.js'), 'utf8')).not.toContain(REACT_MARKER);
    const seal = readManifestSeal(readFileSync(path.join(dist, 'index.html'), 'utf8'));
    expect(seal).toBe(createHash('sha256').update(manifestSealText(manifest)).digest('hex'));
  }, 60_000);

  it('refuses a taken folder, an unknown template and a bad name', async () => {
    const cwd = mkdtempSync(path.join(os.tmpdir(), 'mosaic-create-'));
    quietly();
    expect(await main(['create', 'tally', '--template', 'vanilla'], cwd)).toBe(0);
    expect(await main(['create', 'tally', '--template', 'vanilla'], cwd)).toBe(1);
    expect(await main(['create', 'other', '--template', 'svelte'], cwd)).toBe(1);
    expect(await main(['create', 'Bad Name'], cwd)).toBe(1);
    const errors = (console.error as unknown as { mock: { calls: unknown[][] } }).mock.calls
      .map((call) => call.join(' '))
      .join('\n');
    expect(errors).toContain('already exists and is not empty');
    expect(errors).toContain(
      "unknown template 'svelte': give --template react or --template vanilla",
    );
    expect(readdirSync(cwd)).toEqual(['tally']);
  });
});

describe('given the react template', () => {
  it('scaffolds an app that builds with the shared-React entry too', async () => {
    const cwd = mkdtempSync(path.join(os.tmpdir(), 'mosaic-create-'));
    quietly();

    expect(await main(['create', 'counter', '--template', 'react'], cwd)).toBe(0);
    const dir = path.join(cwd, 'counter');
    link(dir, '@mosaic/build-kit', buildKit);
    link(dir, 'react', path.join(buildKit, 'node_modules', 'react'));
    link(dir, 'react-dom', path.join(buildKit, 'node_modules', 'react-dom'));

    expect(await main(['build'], dir)).toBe(0);

    const dist = path.join(dir, 'dist');
    const manifest = JSON.parse(readFileSync(path.join(dist, 'mosaic.json'), 'utf8'));
    expect(manifest.shared).toMatchObject({ entry: 'index.shared.html' });
    expect(readFileSync(path.join(dist, 'counter.js'), 'utf8')).toContain(REACT_MARKER);
    expect(readFileSync(path.join(dist, 'counter.shared.js'), 'utf8')).not.toContain(REACT_MARKER);
  }, 60_000);
});
