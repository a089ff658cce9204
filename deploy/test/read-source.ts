import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: what the manifests describe is read from its sources, never restated. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Where the TypeScript source of a compiled script is: bff keeps its layout, services use src/. */
export function sourceOfScript(script: string): string | undefined {
  const candidates = [script.replace('/dist/', '/'), script.replace('/dist/', '/src/')];
  return candidates
    .map((candidate) => candidate.replace(/\.js$/, '.ts'))
    .find((candidate) => existsSync(path.join(REPO_ROOT, candidate)));
}

function listTypeScript(dir: string): string[] {
  return readdirSync(path.join(REPO_ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /(?<!\.test)\.ts$/.test(entry.name))
    .map((entry) => path.relative(REPO_ROOT, path.join(entry.parentPath, entry.name)));
}

const RELATIVE_IMPORT = /(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)\.js['"]/g;

/**
 * Every source file the process started by `script` runs: the entry and what it imports,
 * transitively. Egg also loads `app.ts`, `app/` and `config/` by convention, not by import.
 */
export function sourcesOfProcess(script: string): string[] {
  const entry = sourceOfScript(script);
  if (!entry) throw new Error(`no TypeScript source for ${script}: is the command right?`);
  const roots = [entry];
  if (entry.startsWith('bff/')) {
    roots.push('bff/app.ts', ...listTypeScript('bff/app'), ...listTypeScript('bff/config'));
  }
  const seen = new Set<string>();
  const queue = [...roots];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    for (const [, specifier] of readSource(file).matchAll(RELATIVE_IMPORT)) {
      const imported = path.join(path.dirname(file), `${specifier}.ts`);
      if (existsSync(path.join(REPO_ROOT, imported))) queue.push(imported);
    }
  }
  return [...seen].sort();
}

export function readSource(file: string): string {
  return readFileSync(path.join(REPO_ROOT, file), 'utf8');
}

const STATIC_READ = /\benv\.([A-Z][A-Z0-9_]*)\b|\benv\[\s*['"]([A-Z][A-Z0-9_]*)['"]\s*\]/g;
const DYNAMIC_READ = /\bprocess\.env\[\s*[a-z]\w*\s*\]/;
const NAME_LITERAL = /['"]([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)['"]/g;
/** A service's `readEnv('catalog')` (reads CATALOG_PORT) or `serviceUrl('catalog')` (CATALOG_URL). */
const SERVICE_ENV_CALL = /\b(readEnv|serviceUrl)\(\s*['"]([a-z]+)['"]\s*\)/g;

/** The services and their default ports: the contract both the code and the manifests follow. */
const SERVICE_PORTS = new Map(
  (
    JSON.parse(readFileSync(path.join(REPO_ROOT, 'contracts', 'services.json'), 'utf8')) as {
      services: { name: string; port: number }[];
    }
  ).services.map((s) => [s.name, s.port]),
);

/**
 * The environment variables these files read: `process.env.X`, `env.X` (an alias of
 * process.env), `env['X']`; and where a name is passed in (`process.env[variable]`), every
 * SCREAMING_SNAKE string in that file and the names handed to services' `readEnv('X_PORT', …)`.
 */
export function envNamesRead(files: string[]): Set<string> {
  const names = new Set<string>();
  for (const file of files) {
    const source = readSource(file);
    for (const match of source.matchAll(STATIC_READ)) names.add((match[1] ?? match[2])!);
    for (const [, call, service] of source.matchAll(SERVICE_ENV_CALL)) {
      names.add(`${service!.toUpperCase()}_${call === 'readEnv' ? 'PORT' : 'URL'}`);
    }
    if (DYNAMIC_READ.test(source)) {
      for (const [, name] of source.matchAll(NAME_LITERAL)) names.add(name!);
    }
  }
  return names;
}

/**
 * The port a process listens on unless told otherwise, and the variable that tells it:
 * `readEnv('catalog')` in a service (CATALOG_PORT, its port in contracts/services.json),
 * `PORT: whole(0, 65535, 8080)` in the BFF's environment schema.
 */
export function defaultPortOf(files: string[]): { variable: string; port: number } {
  for (const file of files) {
    const source = readSource(file);
    const service = /\breadEnv\(\s*['"]([a-z]+)['"]\s*\)/.exec(source)?.[1];
    const port = service === undefined ? undefined : SERVICE_PORTS.get(service);
    if (service !== undefined && port !== undefined) {
      return { variable: `${service.toUpperCase()}_PORT`, port };
    }
    const bff = /\bPORT:\s*whole\(\s*\d+\s*,\s*\d+\s*,\s*(\d+)\s*\)/.exec(source);
    if (bff) return { variable: 'PORT', port: Number(bff[1]) };
  }
  throw new Error(`no default port found in ${files.join(', ')}`);
}

/** Paths these files answer GET on: Egg's `router.get('/x', …)`, Fastify's `app.get('/x', …)`. */
export function getRoutes(files: string[]): Set<string> {
  const routes = new Set<string>();
  for (const file of files) {
    for (const [, route] of readSource(file).matchAll(/\b(?:router|app)\.get\(\s*'(\/[^']*)'/g)) {
      routes.add(route!);
    }
  }
  return routes;
}
