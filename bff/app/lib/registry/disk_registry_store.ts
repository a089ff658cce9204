import { randomUUID } from 'node:crypto';
import {
  appendFile,
  mkdir,
  open,
  readFile,
  readdir,
  rename,
  rm,
  stat,
  unlink,
} from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ChannelsSchema } from './channels.js';
import type { Channels } from './channels.js';
import { VersionExistsError } from './registry_store.js';
import type { AuditEntry, RegistryStore, StagedVersion } from './registry_store.js';

const STALE_STAGING_MS = 60 * 60 * 1000;
const STALE_LOCK_MS = 10_000;
const LOCK_WAIT_MS = 5_000;
/** The file a deleted version's folder keeps instead of its files. */
const TOMBSTONE = '.deleted';

/**
 * The registry on local disk under `root` (`$MOSAIC_DATA_DIR/registry`):
 *
 * ```
 * apps/<name>/<version>/   published files + mosaic.json (never changed once renamed in);
 *                          a deleted version keeps only `.deleted`, so its number stays taken
 * staging/<uuid>/          uploads being unpacked; renamed into apps/ when valid
 * channels/<name>.json     {stable, canary}; replaced by write-to-temp + rename
 * audit.jsonl              one JSON line per publish, channel change or deletion, append-only
 * ```
 *
 * Staging sits on the same file system as apps/, so publishing is one `rename(2)`: a version
 * appears whole or not at all, and renaming onto an existing (non-empty) version fails, so of
 * two concurrent publishes of one version exactly one wins, across processes too.
 */
export function createDiskRegistryStore(root: string): RegistryStore {
  const appsDir = path.join(root, 'apps');
  const stagingDir = path.join(root, 'staging');
  const channelsDir = path.join(root, 'channels');
  const auditFile = path.join(root, 'audit.jsonl');
  /** Per-app queue, so one process never races itself for the lock file. */
  const queues = new Map<string, Promise<unknown>>();

  async function listDirs(dir: string): Promise<string[]> {
    try {
      const entries = await readdir(dir, { withFileTypes: true });
      return entries.filter((e) => e.isDirectory()).map((e) => e.name);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
  }

  async function readChannelsFile(file: string): Promise<Channels | undefined> {
    try {
      const parsed = ChannelsSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  async function fsyncDir(dir: string): Promise<void> {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  /** Remove staging folders a crashed process left behind. */
  async function sweepStaging(): Promise<void> {
    for (const name of await listDirs(stagingDir)) {
      const dir = path.join(stagingDir, name);
      const stats = await stat(dir).catch(() => undefined);
      if (stats && Date.now() - stats.mtimeMs > STALE_STAGING_MS) {
        await rm(dir, { recursive: true, force: true });
      }
    }
  }

  async function withLock<T>(app: string, work: () => Promise<T>): Promise<T> {
    await mkdir(channelsDir, { recursive: true });
    const lock = path.join(channelsDir, `${app}.lock`);
    const deadline = Date.now() + LOCK_WAIT_MS;
    for (;;) {
      try {
        await (await open(lock, 'wx')).close();
        break;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
        const stats = await stat(lock).catch(() => undefined);
        if (stats && Date.now() - stats.mtimeMs > STALE_LOCK_MS) {
          await unlink(lock).catch(() => undefined);
          continue;
        }
        if (Date.now() > deadline) {
          throw new Error(`channels of '${app}' stayed locked for ${LOCK_WAIT_MS}ms (${lock})`);
        }
        await sleep(20);
      }
    }
    try {
      return await work();
    } finally {
      await unlink(lock).catch(() => undefined);
    }
  }

  /** A version folder that exists and was not deleted. */
  async function isLiveVersion(dir: string): Promise<boolean> {
    const [folder, tombstone] = await Promise.all([
      stat(dir).catch(() => undefined),
      stat(path.join(dir, TOMBSTONE)).catch(() => undefined),
    ]);
    return folder?.isDirectory() === true && tombstone === undefined;
  }

  /** Runs `work` after every earlier write of this app in this process. */
  function serialised<T>(app: string, work: () => Promise<T>): Promise<T> {
    const previous = queues.get(app) ?? Promise.resolve();
    const next = previous.then(work, work);
    queues.set(
      app,
      next.catch(() => undefined),
    );
    return next;
  }

  return {
    listApps: () => listDirs(appsDir),
    async listVersions(app) {
      const versions = await listDirs(path.join(appsDir, app));
      const live = await Promise.all(
        versions.map((v) => isLiveVersion(path.join(appsDir, app, v))),
      );
      return versions.filter((_, i) => live[i]);
    },

    async hasVersion(app, version) {
      return (await stat(path.join(appsDir, app, version)).catch(() => undefined)) !== undefined;
    },

    async readManifest(app, version) {
      try {
        return JSON.parse(await readFile(path.join(appsDir, app, version, 'mosaic.json'), 'utf8'));
      } catch {
        return undefined;
      }
    },

    async createStaging(): Promise<StagedVersion> {
      await sweepStaging().catch(() => undefined);
      const dir = path.join(stagingDir, randomUUID());
      await mkdir(dir, { recursive: true });
      return { dir };
    },

    async commitVersion(staged, app, version) {
      const appDir = path.join(appsDir, app);
      await mkdir(appDir, { recursive: true });
      await fsyncDir(staged.dir);
      try {
        await rename(staged.dir, path.join(appDir, version));
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'ENOTEMPTY' || code === 'EEXIST' || code === 'EISDIR') {
          throw new VersionExistsError(`${app}@${version} already exists`, { cause: err });
        }
        throw err;
      }
      await fsyncDir(appDir);
    },

    async discardStaging(staged) {
      await rm(staged.dir, { recursive: true, force: true });
    },

    readChannels: (app) => readChannelsFile(path.join(channelsDir, `${app}.json`)),

    async readAllChannels() {
      const all = new Map<string, Channels>();
      const files = await readdir(channelsDir).catch(() => [] as string[]);
      for (const file of files.filter((f) => f.endsWith('.json'))) {
        const channels = await readChannelsFile(path.join(channelsDir, file));
        if (channels) all.set(file.slice(0, -'.json'.length), channels);
      }
      return all;
    },

    deleteVersion(app, version, check) {
      return serialised(app, () =>
        withLock(app, async () => {
          check(await readChannelsFile(path.join(channelsDir, `${app}.json`)));
          const dir = path.join(appsDir, app, version);
          if (!(await isLiveVersion(dir))) return false;
          // The tombstone hides the version at once and keeps its folder, so the number stays
          // taken: a rename onto a non-empty folder fails, and a browser holding the old files
          // as immutable never gets different ones under the same URL.
          const handle = await open(path.join(dir, TOMBSTONE), 'wx', 0o644);
          try {
            await handle.writeFile(`${new Date().toISOString()}\n`);
            await handle.sync();
          } finally {
            await handle.close();
          }
          for (const entry of await readdir(dir)) {
            if (entry !== TOMBSTONE)
              await rm(path.join(dir, entry), { recursive: true, force: true });
          }
          return true;
        }),
      );
    },

    updateChannels(app, update) {
      return serialised(app, () =>
        withLock(app, async () => {
          const file = path.join(channelsDir, `${app}.json`);
          const from = await readChannelsFile(file);
          const to = ChannelsSchema.parse(await update(from));
          const temp = `${file}.${randomUUID()}.tmp`;
          const handle = await open(temp, 'wx', 0o644);
          try {
            await handle.writeFile(`${JSON.stringify(to, null, 2)}\n`);
            await handle.sync();
          } finally {
            await handle.close();
          }
          await rename(temp, file);
          return { from, to };
        }),
      );
    },

    async appendAudit(entry: AuditEntry) {
      await mkdir(root, { recursive: true });
      // One write with O_APPEND per entry: lines from several processes never interleave.
      await appendFile(auditFile, `${JSON.stringify(entry)}\n`, { mode: 0o644 });
    },

    async readAudit() {
      const text = await readFile(auditFile, 'utf8').catch(() => '');
      const entries: AuditEntry[] = [];
      for (const line of text.split('\n')) {
        if (!line.trim()) continue;
        try {
          entries.push(JSON.parse(line) as AuditEntry);
        } catch {
          // A torn last line after a crash is skipped, not fatal.
        }
      }
      return entries;
    },
  };
}
