import { createHash } from 'node:crypto';
import { ALL_APPS } from '@mosaic/contracts';
import type { AppList, DeniedApp } from '@mosaic/contracts';
import { Service } from 'egg';
import { mosaicConfig } from '../lib/mosaic_config.js';
import { services } from '../lib/services.js';
import type { Session } from '../lib/session/session_claims.js';
import { SAFE_SEGMENT, StoredAppManifestSchema } from '../lib/registry/app_manifest.js';
import type { AppEntry, StoredAppManifest } from '../lib/registry/app_manifest.js';
import { compareSemver, isPrerelease, isSemver } from '../lib/registry/compare_semver.js';
import { versionFor } from '../lib/registry/channels.js';
import { refreshGrayChannels } from '../lib/registry/gray_env.js';

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
  /**
   * What `GET /api/apps` answers `session` (and `POST /api/session` beside the user, so the
   * shell does not ask again): the apps the user may open, at the version the tenant gets, and
   * the rest named as denied. The tag covers the result and who asked.
   */
  async listFor(
    session: Pick<Session, 'tenantId' | 'userId' | 'roles'>,
  ): Promise<{ body: AppList; etag: string }> {
    // Both must agree: the tenant's grants (identity, changed by its owner) say which apps the
    // user's roles may open, and each app's manifest says which roles it is built for.
    const [allowed, published] = await Promise.all([
      services(this.ctx).identity.appsForRoles(session.tenantId, session.roles),
      this.catalogue(session.tenantId),
    ]);
    const { devOverrides } = mosaicConfig(this.app);
    // `*` (the owner's grant) opens every app, including ones published after identity's list.
    const opens = (name: string, builtFor: readonly string[]): boolean =>
      (allowed.has(ALL_APPS) || allowed.has(name)) &&
      builtFor.some((role) => session.roles.includes(role));
    const apps: AppEntry[] = [];
    const denied: DeniedApp[] = [];
    for (const { roles: builtFor, ...app } of published) {
      if (opens(app.name, builtFor)) apps.push(app);
      // The rest are named, so the shell can say "your role may not open this app" at their
      // route, but never with an entry or version.
      else
        denied.push({
          name: app.name,
          title: app.title,
          ...(app.titles && { titles: app.titles }),
          route: app.route,
        });
    }
    const body: AppList = { apps, devOverrides, denied };
    // The tag covers who asked, so one user's tag never matches another's answer (a shared
    // browser, a different tenant), even when the bodies are equal.
    const etag = `"${createHash('sha256')
      .update(JSON.stringify([session.tenantId, session.userId, [...session.roles].sort(), body]))
      .digest('base64url')
      .slice(0, 32)}"`;
    return { body, etag };
  }

  /** Every app whose manifest roles intersect `roles`, at the version `tenantId` gets. */
  async appsFor(roles: readonly string[], tenantId?: string): Promise<AppEntry[]> {
    return (await this.catalogue(tenantId))
      .filter((app) => app.roles.some((role) => roles.includes(role)))
      .map(({ roles: _roles, ...entry }) => entry);
  }

  /**
   * Every app at the version `tenantId` gets, whatever the roles, with the roles its manifest
   * is built for (`/api/apps` decides per user; `/api/roles` shows them to the owner).
   */
  async catalogue(tenantId?: string): Promise<(AppEntry & { roles: string[] })[]> {
    const store = this.app.registryStore;
    const [names, allChannels] = await Promise.all([store.listApps(), store.readAllChannels()]);
    // The shell asks this on every load: a good moment to refresh upstream gray tagging too.
    void refreshGrayChannels(this.app);
    const apps: (AppEntry & { roles: string[] })[] = [];
    for (const name of names.filter((n) => SAFE_SEGMENT.test(n)).sort()) {
      const channels = allChannels.get(name);
      const wanted =
        channels && tenantId !== undefined
          ? versionFor(name, channels, tenantId)
          : channels?.stable;
      const manifest = (wanted && (await this.manifest(name, wanted))) ?? (await this.latest(name));
      if (!manifest) continue;
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
        roles: manifest.roles,
      });
    }
    return apps;
  }

  /** The manifest of `name@version`, when it is there and says so. */
  private async manifest(name: string, version: string): Promise<StoredAppManifest | undefined> {
    const parsed = StoredAppManifestSchema.safeParse(
      await this.app.registryStore.readManifest(name, version),
    );
    return parsed.success && parsed.data.name === name && parsed.data.version === version
      ? parsed.data
      : undefined;
  }

  /** The manifest of the highest published release of `name`, skipping broken ones. */
  private async latest(name: string): Promise<StoredAppManifest | undefined> {
    // Releases outrank pre-releases (those are for canary channels); non-semver folders and
    // versions with a missing or invalid manifest are skipped, not fatal.
    const versions = (await this.app.registryStore.listVersions(name))
      .filter(isSemver)
      .sort((a, b) => Number(isPrerelease(a)) - Number(isPrerelease(b)) || compareSemver(b, a));
    for (const version of versions) {
      const manifest = await this.manifest(name, version);
      if (manifest) return manifest;
    }
    return undefined;
  }
}
