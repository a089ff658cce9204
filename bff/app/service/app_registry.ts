import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { Service } from 'egg';
import { AppManifestSchema, SAFE_SEGMENT } from '../lib/app_manifest.js';
import type { AppEntry, AppManifest } from '../lib/app_manifest.js';
import { compareSemver, isPrerelease, isSemver } from '../lib/compare_semver.js';
import { mosaicConfig } from '../lib/mosaic_config.js';

/**
 * The sub-app registry on disk: `<registryDir>/<name>/<version>/mosaic.json` plus the app's
 * files. Versions are immutable; the highest release of each app wins (channels come later).
 */
export default class AppRegistryService extends Service {
  /** The newest version of every app whose manifest roles intersect `roles`. */
  async appsFor(roles: readonly string[]): Promise<AppEntry[]> {
    const { registryDir } = mosaicConfig(this.app);
    const names = await listDirs(registryDir);
    const apps: AppEntry[] = [];
    for (const name of names.filter((n) => SAFE_SEGMENT.test(n)).sort()) {
      const manifest = await this.latest(name);
      if (!manifest || !manifest.roles.some((role) => roles.includes(role))) continue;
      const { version, title, route, entry, protocol } = manifest;
      apps.push({
        name,
        version,
        title,
        route,
        protocol,
        entry: `/apps/${name}/${version}/${entry}`,
      });
    }
    return apps;
  }

  /** The manifest of the highest published version of `name`, skipping broken ones. */
  private async latest(name: string): Promise<AppManifest | undefined> {
    const appDir = path.join(mosaicConfig(this.app).registryDir, name);
    // Half-published folders (e.g. `1.0.0.tmp-123`) are not semver and are skipped.
    // Releases outrank pre-releases (those are for canary channels, which come later).
    const versions = (await listDirs(appDir))
      .filter(isSemver)
      .sort((a, b) => Number(isPrerelease(a)) - Number(isPrerelease(b)) || compareSemver(b, a));
    // A version with a missing or invalid manifest is skipped, not fatal.
    for (const version of versions) {
      const manifest = await readManifest(path.join(appDir, version, 'mosaic.json'));
      if (manifest && manifest.name === name && manifest.version === version) return manifest;
    }
    return undefined;
  }
}

async function listDirs(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries.filter((e) => e.isDirectory()).map((e) => e.name);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

async function readManifest(file: string): Promise<AppManifest | undefined> {
  try {
    const parsed = AppManifestSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
