import type { Channels } from './channels.js';

/**
 * One line of the audit log: a publish, a change of channels, a deleted version, or a canary
 * suspended by the BFF (`by: 'bff'`) or resumed by a publisher.
 */
export interface AuditEntry {
  /** ISO time. */
  at: string;
  /** Publisher name of the token used (`default` for MOSAIC_PUBLISH_TOKEN). */
  by: string;
  app: string;
  action: 'publish' | 'channels' | 'delete' | 'suspend' | 'resume';
  /** The version published, deleted, or whose canary was suspended or resumed. */
  version?: string;
  /** Why a canary was suspended (action `suspend`). */
  reason?: string;
  /** Channels before and after (action `channels`); `from` is null for an app's first stable. */
  from?: Channels | null;
  to?: Channels;
  requestId: string;
}

/** Files unpacked for a version, not yet visible to anyone. */
export interface StagedVersion {
  /** Local folder the files are written into. */
  readonly dir: string;
}

/**
 * Where published versions, channels and the audit log live. The disk implementation is the
 * default; an object store can implement the same contract: `commitVersion` must make a
 * version appear whole or not at all and never replace one (e.g. upload under a unique prefix,
 * then create the version's pointer with a conditional put), and `updateChannels` must be a
 * compare-and-set per app.
 */
export interface RegistryStore {
  /** App names that have at least one version. */
  listApps(): Promise<string[]>;
  /** Published versions of an app that were not deleted (unordered). */
  listVersions(app: string): Promise<string[]>;
  /** Whether the version number is taken: published, even if deleted since. */
  hasVersion(app: string, version: string): Promise<boolean>;
  /** The raw `mosaic.json` of a version, or undefined when missing or unreadable. */
  readManifest(app: string, version: string): Promise<unknown>;
  /** A fresh, empty staging area for one upload. */
  createStaging(): Promise<StagedVersion>;
  /** Publish staged files as `app@version`, atomically; throws VersionExistsError when taken. */
  commitVersion(staged: StagedVersion, app: string, version: string): Promise<void>;
  /**
   * Remove a published version, serialised with `updateChannels` so no channel can start using
   * it meanwhile: `check(channels)` may throw to refuse. The version leaves `listVersions` at
   * once and its number stays taken (`hasVersion` stays true, `commitVersion` refuses it), so no
   * other files are ever published under its URLs. Returns false when there was no such version.
   */
  deleteVersion(
    app: string,
    version: string,
    check: (current: Channels | undefined) => void,
  ): Promise<boolean>;
  /** Drop a staging area (after a failed or refused upload). */
  discardStaging(staged: StagedVersion): Promise<void>;
  readChannels(app: string): Promise<Channels | undefined>;
  /** Channels of every app that has any (for resolving a tenant's versions in one go). */
  readAllChannels(): Promise<Map<string, Channels>>;
  /**
   * Replace an app's channels with `update(current)`, serialised per app; returns what was and
   * what is. `update` may throw to refuse the change.
   */
  updateChannels(
    app: string,
    update: (current: Channels | undefined) => Channels | Promise<Channels>,
  ): Promise<{ from: Channels | undefined; to: Channels }>;
  appendAudit(entry: AuditEntry): Promise<void>;
  /** Every audit entry, oldest first. */
  readAudit(): Promise<AuditEntry[]>;
}

/** Thrown by `commitVersion` when the version already exists (another publish won). */
export class VersionExistsError extends Error {
  override readonly name = 'VersionExistsError';
}
