#!/usr/bin/env node
// Compile the BFF into dist/ keeping Egg's layout (dist/app, dist/config, dist/app.js), copy the
// GraphQL SDL files beside their resolvers, and give dist/ its own package.json: Egg's loader reads
// `<baseDir>/package.json` for the app name and module type, and must not see `egg.typescript`.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

rmSync(dist, { recursive: true, force: true });
const result = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], {
  stdio: 'inherit',
});
if (result.status !== 0) {
  process.stderr.write('bff: TypeScript compilation failed; fix the errors above.\n');
  process.exit(result.status ?? 1);
}

/** Copy every non-TypeScript asset the app reads at runtime (today: *.graphql). */
function copyAssets(from, to) {
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) copyAssets(source, target);
    else if (entry.name.endsWith('.graphql')) {
      mkdirSync(to, { recursive: true });
      cpSync(source, target);
    }
  }
}
copyAssets(path.join(root, 'app'), path.join(dist, 'app'));

const apps = path.resolve(root, '..', 'micro-apps');

/** Every file under `dir` (skipping node_modules and dist) whose name passes `accept`. */
function filesUnder(dir, accept) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name === 'node_modules' || entry.name === 'dist' ? [] : filesUnder(file, accept);
    return entry.isFile() && accept(entry.name) ? [file] : [];
  });
}

/**
 * The trusted documents: every `.graphql` file under `micro-apps/<app>/src/`, one named
 * operation per file, by the sha256 of its exact bytes — the same id build-kit's `.graphql` import gives the
 * app's bundle, so the BFF and the app agree without a copy (app/graphql/use_trusted_documents.ts).
 */
function collectTrustedDocuments() {
  const documents = [];
  for (const app of readdirSync(apps, { withFileTypes: true })) {
    if (!app.isDirectory()) continue;
    for (const file of filesUnder(path.join(apps, app.name, 'src'), (n) =>
      n.endsWith('.graphql'),
    )) {
      const text = readFileSync(file, 'utf8');
      const names = [...text.matchAll(/^\s*(?:query|mutation|subscription)\s+([A-Za-z_]\w*)/gm)];
      const count = text.match(/^\s*(?:query|mutation|subscription)\b/gm)?.length ?? 0;
      if (names.length !== 1 || count !== 1) {
        process.stderr.write(
          `bff: ${file} must hold exactly one named operation; found ${count}\n`,
        );
        process.exit(1);
      }
      const id = `sha256:${createHash('sha256').update(text).digest('hex')}`;
      documents.push({ id, app: app.name, operationName: names[0][1], text });
    }
  }
  return documents.sort((a, b) => a.id.localeCompare(b.id));
}
const trusted = collectTrustedDocuments();
writeFileSync(
  path.join(dist, 'app', 'graphql', 'trusted_documents.json'),
  `${JSON.stringify({ documents: trusted }, null, 2)}\n`,
);

/**
 * The names of the operations the apps send (their sources under micro-apps/, trusted documents
 * included): the only operation names /metrics labels (app/graphql/known_operations.ts).
 */
function collectOperationNames() {
  const names = new Set(trusted.map((d) => d.operationName));
  const pattern = /\b(?:query|mutation|subscription)\s+([A-Za-z_]\w*)\s*[({]/g;
  const sources = filesUnder(apps, (n) => /\.(ts|tsx)$/.test(n) && !/\.test\.tsx?$/.test(n));
  for (const file of sources) {
    for (const match of readFileSync(file, 'utf8').matchAll(pattern)) names.add(match[1]);
  }
  return [...names].sort();
}
writeFileSync(
  path.join(dist, 'app', 'graphql', 'known_operations.json'),
  `${JSON.stringify(collectOperationNames(), null, 2)}\n`,
);

writeFileSync(
  path.join(dist, 'package.json'),
  `${JSON.stringify({ name: 'mosaic-bff', private: true, type: 'module' }, null, 2)}\n`,
);
process.stdout.write('bff: built dist/ (start with `node dist/server.js`)\n');
