import { Service } from 'egg';
import type { AppManifest } from '../lib/registry/app_manifest.js';
import { SAFE_SEGMENT } from '../lib/registry/app_manifest.js';
import { compareSemver, isSemver } from '../lib/registry/compare_semver.js';
import { BffError, ErrorCode } from '../lib/http/errors.js';
import { mosaicConfig } from '../lib/mosaic_config.js';
import { requestIdOf } from '../lib/http/request_state.js';
import { services } from '../lib/services.js';
import type { Canary, Channels, ChannelsChange } from '../lib/registry/channels.js';
import { extractArchive } from '../lib/registry/extract_archive.js';
import { refreshGrayChannels } from '../lib/registry/gray_env.js';
import { VersionExistsError } from '../lib/registry/registry_store.js';
import type { AuditEntry } from '../lib/registry/registry_store.js';
import { verifyPackage } from '../lib/registry/verify_package.js';

/** One app in GET /api/registry/apps. */
export interface RegistryApp {
  name: string;
  /** Published versions, newest first. */
  versions: string[];
  channels: Channels | null;
  /** Publishes and channel changes of this app, oldest first. */
  history: AuditEntry[];
}

/**
 * The canary after a change: a suspension stays with its version (re-releasing the same canary
 * does not resume it; `resume` does), a new canary version starts unsuspended.
 */
function nextCanary(current: Canary | null, change: ChannelsChange): Canary | null {
  const wanted = change.canary === undefined ? current : change.canary;
  if (!wanted) return null;
  const suspended =
    !change.resume && current?.suspended && current.version === wanted.version
      ? current.suspended
      : undefined;
  const { suspended: _dropped, ...rest } = wanted as Canary;
  return suspended ? { ...rest, suspended } : rest;
}

function alreadyPublished(app: string, version: string): BffError {
  return new BffError(
    ErrorCode.VERSION_EXISTS,
    `${app}@${version} is already published and published versions never change (a deleted one keeps its number): bump "version" in package.json, build and publish again`,
  );
}

/** Publishing versions and moving channels: the registry's write side. */
export default class RegistryService extends Service {
  /**
   * Unpack, check and publish one `.tar.gz` as a new version of `app`, atomically. The first
   * version of an app also becomes its stable channel; later ones change nothing until
   * channels are set.
   */
  async publish(app: string, archive: AsyncIterable<Buffer>, by: string): Promise<AppManifest> {
    const { registry } = mosaicConfig(this.app);
    const store = this.app.registryStore;
    const staged = await store.createStaging();
    let manifest: AppManifest;
    try {
      const files = await extractArchive(archive, {
        dir: staged.dir,
        maxArchiveBytes: registry.maxArchiveBytes,
        maxUnpackedBytes: registry.maxUnpackedBytes,
        maxFiles: registry.maxFiles,
      });
      manifest = await verifyPackage(staged.dir, files, {
        app,
        protocolMajors: registry.protocolMajors,
      });
      if (await store.hasVersion(app, manifest.version)) {
        throw alreadyPublished(app, manifest.version);
      }
      await store.commitVersion(staged, app, manifest.version);
    } catch (err) {
      await store.discardStaging(staged);
      if (err instanceof VersionExistsError) throw alreadyPublished(app, manifest!.version);
      throw err;
    }
    const { version } = manifest;
    await this.audit({ by, app, action: 'publish', version });
    const current = await store.readChannels(app);
    if (!current) {
      const { from, to } = await store.updateChannels(
        app,
        (now) => now ?? { stable: version, canary: null },
      );
      if (!from) await this.audit({ by, app, action: 'channels', from: null, to });
      await refreshGrayChannels(this.app);
    }
    return manifest;
  }

  /** Apply a channel change; every referenced version must be published. Returns the new channels. */
  async setChannels(app: string, change: ChannelsChange, by: string): Promise<Channels> {
    const store = this.app.registryStore;
    const versions = new Set(await store.listVersions(app));
    if (versions.size === 0) {
      throw new BffError(ErrorCode.NOT_FOUND, `no app '${app}' in the registry: publish it first`);
    }
    const { canary: canaryService } = services(this.ctx);
    const { from, to } = await store.updateChannels(app, async (current) => {
      const stable = change.stable ?? current?.stable;
      if (!stable) {
        throw new BffError(
          ErrorCode.BAD_REQUEST,
          `'${app}' has no stable version yet: give "stable"`,
        );
      }
      if (change.resume && !current?.canary?.suspended) {
        throw new BffError(
          ErrorCode.CONFLICT,
          `'${app}' has no suspended canary to resume (canary: ${current?.canary?.version ?? 'none'})`,
        );
      }
      const next: Channels = { stable, canary: nextCanary(current?.canary ?? null, change) };
      for (const [channel, version] of [
        ['stable', next.stable],
        ['canary', next.canary?.version],
      ] as const) {
        // Checked again under the lock: a version deleted since the list was read is gone.
        if (
          version !== undefined &&
          (!versions.has(version) || !(await store.hasVersion(app, version)))
        ) {
          throw new BffError(
            ErrorCode.BAD_REQUEST,
            `${channel} version '${version}' of '${app}' is not published (published: ${[...versions].filter(isSemver).sort(compareSemver).join(', ')})`,
          );
        }
      }
      if (change.stable && !change.force) await canaryService.checkPromotion(app, stable, current);
      return next;
    });
    const resumed = change.resume ? from?.canary?.suspended && from.canary.version : undefined;
    if (resumed) {
      await canaryService.clearFailures(app, resumed);
      await canaryService.audit(app, 'resume', from ?? null, to, resumed, undefined, by);
    } else if (JSON.stringify(from) !== JSON.stringify(to)) {
      await this.audit({ by, app, action: 'channels', from: from ?? null, to });
    }
    await refreshGrayChannels(this.app);
    return to;
  }

  /**
   * Delete a version no channel uses (what `mosaic-app prune` calls for each old version).
   * Checked under the app's channel lock, so a concurrent release cannot start using it.
   */
  async deleteVersion(app: string, version: string, by: string): Promise<void> {
    const store = this.app.registryStore;
    const deleted = await store.deleteVersion(app, version, (channels) => {
      const users = [
        channels?.stable === version ? 'stable' : undefined,
        channels?.canary?.version === version ? 'canary' : undefined,
      ].filter(Boolean);
      if (users.length > 0) {
        throw new BffError(
          ErrorCode.VERSION_IN_USE,
          `${app}@${version} is the ${users.join(' and ')} version, so browsers load it: release another version to that channel first, then delete this one`,
        );
      }
    });
    if (!deleted) {
      throw new BffError(
        ErrorCode.NOT_FOUND,
        `${app}@${version} is not in the registry (published: ${(await this.versionsOf(app)).join(', ') || 'none'})`,
      );
    }
    await this.audit({ by, app, action: 'delete', version });
  }

  /** Published versions of an app, newest first. */
  private async versionsOf(app: string): Promise<string[]> {
    return (await this.app.registryStore.listVersions(app))
      .filter(isSemver)
      .sort((a, b) => compareSemver(b, a));
  }

  /** Every app with its versions, channels and history. */
  async overview(): Promise<RegistryApp[]> {
    const store = this.app.registryStore;
    const audit = await store.readAudit();
    const names = (await store.listApps()).filter((n) => SAFE_SEGMENT.test(n)).sort();
    return Promise.all(names.map((name) => this.describe(name, audit)));
  }

  /** One app as `overview` shows it, or undefined when it has no published version. */
  async one(name: string): Promise<RegistryApp | undefined> {
    const store = this.app.registryStore;
    if (!SAFE_SEGMENT.test(name) || !(await store.listApps()).includes(name)) return undefined;
    const found = await this.describe(name, await store.readAudit());
    return found.versions.length > 0 ? found : undefined;
  }

  private async describe(name: string, audit: readonly AuditEntry[]): Promise<RegistryApp> {
    return {
      name,
      versions: await this.versionsOf(name),
      channels: (await this.app.registryStore.readChannels(name)) ?? null,
      history: audit.filter((entry) => entry.app === name),
    };
  }

  private async audit(entry: Omit<AuditEntry, 'at' | 'requestId'>): Promise<void> {
    await this.app.registryStore.appendAudit({
      at: new Date().toISOString(),
      ...entry,
      requestId: requestIdOf(this.ctx),
    });
  }
}
