import { Service } from 'egg';
import { SAFE_SEGMENT, StoredAppManifestSchema } from '../lib/registry/app_manifest.js';
import type { AppEntry, StoredAppManifest } from '../lib/registry/app_manifest.js';
import { compareSemver, isPrerelease, isSemver } from '../lib/registry/compare_semver.js';
import { versionFor } from '../lib/registry/channels.js';
import { refreshGrayChannels } from '../lib/registry/gray_env.js';
import { registryStoreOf } from '../lib/registry/registry_of.js';

/** Where one version's files are, as `/api/apps` gives them. */
function versionFields(
  manifest: StoredAppManifest,
): Pick<AppEntry, 'entry' | 'protocol' | 'shared'> {
  const { name, version, entry, protocol, shared } = manifest;
  return {
    protocol,
    entry: `/apps/${name}/${version}/${entry}`,
    ...(shared && {
      shared: { entry: `/apps/${name}/${version}/${shared.entry}`, react: shared.react },
    }),
  };
}

/**
 * The sub-app manifest side of the registry: which version of each app a tenant gets. An app
 * with channels gives the tenant its canary or stable version; an app without (laid out by
 * hand, before channels existed) gives its highest release.
 */
export default class AppRegistryService extends Service {
  /** Every app whose manifest roles intersect `roles`, at the version `tenantId` gets. */
  async appsFor(roles: readonly string[], tenantId?: string): Promise<AppEntry[]> {
    const store = registryStoreOf(this.app);
    const [names, allChannels] = await Promise.all([store.listApps(), store.readAllChannels()]);
    // The shell asks this on every load: a good moment to refresh upstream gray tagging too.
    void refreshGrayChannels(this.app);
    const apps: AppEntry[] = [];
    for (const name of names.filter((n) => SAFE_SEGMENT.test(n)).sort()) {
      const channels = allChannels.get(name);
      const wanted =
        channels && tenantId !== undefined
          ? versionFor(name, channels, tenantId)
          : channels?.stable;
      const manifest = (wanted && (await this.manifest(name, wanted))) ?? (await this.latest(name));
      if (!manifest || !manifest.roles.some((role) => roles.includes(role))) continue;
      const { version, title, titles, route, keepAlive } = manifest;
      // A canary carries its stable version, for the shell to fall back to when it fails.
      const stable =
        channels && version !== channels.stable
          ? await this.manifest(name, channels.stable)
          : undefined;
      apps.push({
        name,
        version,
        title,
        ...(titles && { titles }),
        route,
        ...versionFields(manifest),
        ...(stable && { fallback: { version: stable.version, ...versionFields(stable) } }),
        ...(keepAlive === false && { keepAlive }),
      });
    }
    return apps;
  }

  /** The manifest of `name@version`, when it is there and says so. */
  private async manifest(name: string, version: string): Promise<StoredAppManifest | undefined> {
    const parsed = StoredAppManifestSchema.safeParse(
      await registryStoreOf(this.app).readManifest(name, version),
    );
    return parsed.success && parsed.data.name === name && parsed.data.version === version
      ? parsed.data
      : undefined;
  }

  /** The manifest of the highest published release of `name`, skipping broken ones. */
  private async latest(name: string): Promise<StoredAppManifest | undefined> {
    // Releases outrank pre-releases (those are for canary channels); non-semver folders and
    // versions with a missing or invalid manifest are skipped, not fatal.
    const versions = (await registryStoreOf(this.app).listVersions(name))
      .filter(isSemver)
      .sort((a, b) => Number(isPrerelease(a)) - Number(isPrerelease(b)) || compareSemver(b, a));
    for (const version of versions) {
      const manifest = await this.manifest(name, version);
      if (manifest) return manifest;
    }
    return undefined;
  }
}
