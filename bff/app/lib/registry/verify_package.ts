import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { MAX_APP_TITLE_LENGTH, manifestSealText, readManifestSeal } from '@mosaic/contracts';
import { AppManifestSchema, AppTitlesSchema, SAFE_SEGMENT } from './app_manifest.js';
import type { AppManifest } from './app_manifest.js';
import { isSemver } from './compare_semver.js';
import { BffError, ErrorCode } from '../http/errors.js';
import type { UnpackedFiles } from './extract_archive.js';

/** Options of verifyPackage. */
export interface VerifyPackageOptions {
  /** The app name in the URL the archive was posted to. */
  app: string;
  /** Protocol majors the shell speaks. */
  protocolMajors: readonly number[];
}

function refuse(message: string): never {
  throw new BffError(ErrorCode.INVALID_PACKAGE, message);
}

/**
 * Check an unpacked upload before it is published: a `mosaic.json` for this app with a semver
 * version and a protocol the shell speaks, its entry present, and exactly the files it lists,
 * each with the listed size and sha256. Returns the manifest.
 */
export async function verifyPackage(
  dir: string,
  files: UnpackedFiles,
  { app, protocolMajors }: VerifyPackageOptions,
): Promise<AppManifest> {
  if (!files.has('mosaic.json')) {
    refuse('archive has no mosaic.json at its root: pack the contents of dist/, not the folder');
  }
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path.join(dir, 'mosaic.json'), 'utf8'));
  } catch (err) {
    refuse(`mosaic.json is not valid JSON (${(err as Error).message})`);
  }
  // Checked apart so the refusal names the locale and the rule, not a generic schema path.
  const titles = AppTitlesSchema.optional().safeParse(
    (json as { titles?: unknown } | null)?.titles,
  );
  if (!titles.success) {
    refuse(
      `mosaic.json has titles build-kit would not write (${titles.error.issues.map((i) => `${['titles', ...i.path].join('.')}: ${i.message}`).join('; ')}): give a locale tag → a title of 1 to ${MAX_APP_TITLE_LENGTH} characters, e.g. "titles": {"en": "Sales"}`,
    );
  }
  const parsed = AppManifestSchema.safeParse(json);
  if (!parsed.success) {
    refuse(
      `mosaic.json is not a build-kit manifest (${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}): build with \`mosaic-app build\``,
    );
  }
  const manifest = parsed.data;
  if (manifest.name !== app) {
    refuse(
      `mosaic.json names app '${manifest.name}' but the archive was posted to '${app}': publish it to /api/registry/apps/${manifest.name}/versions`,
    );
  }
  if (!isSemver(manifest.version) || !SAFE_SEGMENT.test(manifest.version)) {
    refuse(
      `version ${JSON.stringify(manifest.version)} is not semver: set "version" in package.json to e.g. "1.2.3" or "1.3.0-canary.1"`,
    );
  }
  const major = Number(/^(\d+)\./.exec(manifest.protocol)?.[1] ?? NaN);
  if (!protocolMajors.includes(major)) {
    refuse(
      `app '${app}' speaks protocol ${manifest.protocol}, the shell speaks ${protocolMajors.map((m) => `${m}.x`).join(', ')}: rebuild it with a matching build-kit`,
    );
  }
  const listed = new Map(manifest.files.map((f) => [f.path, f]));
  if (!listed.has(manifest.entry) || !files.has(manifest.entry)) {
    refuse(`entry '${manifest.entry}' is missing from the archive or from mosaic.json files`);
  }
  if (
    manifest.shared &&
    (!listed.has(manifest.shared.entry) || !files.has(manifest.shared.entry))
  ) {
    refuse(
      `shared entry '${manifest.shared.entry}' is missing from the archive or from mosaic.json files`,
    );
  }
  for (const [file, expected] of listed) {
    const actual = files.get(file);
    if (!actual) refuse(`mosaic.json lists '${file}' but the archive does not hold it`);
    if (actual.size !== expected.size || actual.sha256 !== expected.sha256) {
      refuse(
        `'${file}' does not match mosaic.json (sha256 ${actual.sha256.slice(0, 12)}…, ${actual.size} bytes; expected ${expected.sha256.slice(0, 12)}…, ${expected.size} bytes): the archive was changed after the build`,
      );
    }
  }
  for (const file of files.keys()) {
    if (file !== 'mosaic.json' && !listed.has(file)) {
      refuse(
        `archive holds '${file}', which mosaic.json does not list: only built files may be published`,
      );
    }
  }
  await checkSeal(dir, manifest.entry, json as Record<string, unknown>);
  return manifest;
}

/**
 * The entry (whose hash was just checked) carries the seal build-kit computed from the
 * manifest's fields; recomputing it from the posted `mosaic.json` catches any field edited
 * after the build. The raw JSON is sealed, so a field the schema would drop counts too.
 */
async function checkSeal(dir: string, entry: string, json: Record<string, unknown>): Promise<void> {
  const sealed = readManifestSeal(await readFile(path.join(dir, entry), 'utf8'));
  if (!sealed) {
    refuse(
      `'${entry}' carries no manifest seal (<meta name="mosaic-manifest">): build the app with \`mosaic-app build\` from a build-kit that seals mosaic.json`,
    );
  }
  const actual = createHash('sha256').update(manifestSealText(json)).digest('hex');
  if (actual !== sealed) {
    refuse(
      `mosaic.json was edited after the build (its fields no longer match the seal in '${entry}'): change vite.config.ts or package.json and run \`mosaic-app build\` instead`,
    );
  }
}
