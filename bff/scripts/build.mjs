#!/usr/bin/env node
// Compile the BFF into dist/ keeping Egg's layout (dist/app, dist/config, dist/app.js), copy the
// GraphQL SDL files beside their resolvers, and give dist/ its own package.json: Egg's loader reads
// `<baseDir>/package.json` for the app name and module type, and must not see `egg.typescript`.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  collectDocuments,
  findSchemaFiles,
  loadSchema,
  schemaProblems,
} from '@mosaic/build-kit/documents';

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
 * The trusted documents: every operation under `micro-apps/<app>/src/` (one named operation per
 * `.graphql` file, plus the fragment files it imports), read by build-kit's own loader — the
 * one the apps' bundles use — so the BFF and each app agree on ids without a copy
 * (app/graphql/plugins/use_trusted_documents.ts).
 */
function collectTrustedDocuments() {
  const documents = [];
  for (const app of readdirSync(apps, { withFileTypes: true })) {
    if (!app.isDirectory()) continue;
    try {
      for (const document of collectDocuments(path.join(apps, app.name, 'src'))) {
        documents.push({ ...document, app: app.name });
      }
    } catch (err) {
      process.stderr.write(`bff: the ${app.name} app's GraphQL documents: ${err.message}\n`);
      process.exit(1);
    }
  }
  return documents.sort((a, b) => a.id.localeCompare(b.id));
}
const trusted = collectTrustedDocuments();

/**
 * Each trusted document must run against this BFF's schema: a typo in an app's `.graphql` file
 * fails this build, naming the app, the operation and the mistake, instead of a screen at run time.
 */
function checkAgainstSchema(documents) {
  const { schema } = loadSchema(findSchemaFiles(root, path.join('app', 'graphql')));
  const problems = schemaProblems(
    schema,
    documents.map((d) => ({ label: `${d.app}: ${d.operationName}`, text: d.text })),
  );
  if (problems.length > 0) {
    process.stderr.write(
      `bff: the apps' GraphQL documents do not match the BFF's schema:\n${problems.join('\n')}\n`,
    );
    process.exit(1);
  }
}
checkAgainstSchema(trusted);
writeFileSync(
  path.join(dist, 'app', 'graphql', 'trusted_documents.json'),
  `${JSON.stringify({ documents: trusted }, null, 2)}\n`,
);

/**
 * The names of the operations the apps send (their sources under micro-apps/, trusted documents
 * included): the only operation names /metrics labels (app/graphql/pipeline/known_operations.ts).
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
