import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Database, Queryable } from './database.js';
import { openPostgres, type ReplicaOptions } from './open-postgres.js';
import { readTemplate } from './pglite-template.js';

export interface OpenDatabaseOptions {
  /** Folder the embedded PGlite database lives in; created when missing. */
  dataDir: string;
  /**
   * A PostgreSQL connection string (`DATABASE_URL`). When set, the service uses that server
   * instead of the embedded database, inside its own schema.
   * @default undefined (embedded PGlite)
   */
  databaseUrl?: string;
  /**
   * The PostgreSQL schema the service owns when `databaseUrl` is set; created when missing.
   * @default 'public'
   */
  schema?: string;
  /**
   * A streaming replica of `databaseUrl` (`DATABASE_REPLICA_URL`) for reads that may be slightly
   * stale; ignored under PGlite.
   * @default undefined (every read on the one database)
   */
  replica?: ReplicaOptions;
}

/**
 * Opens the service's database: PostgreSQL behind `databaseUrl`, otherwise embedded PGlite on
 * disk, one instance per process per folder.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    return openPostgres(options.databaseUrl, options.schema ?? 'public', options.replica);
  }
  await mkdir(options.dataDir, { recursive: true });
  const fresh = !existsSync(join(options.dataDir, 'PG_VERSION'));
  const template = fresh ? await readTemplate() : undefined;
  const pg = await PGlite.create(options.dataDir, template ? { loadDataDir: template } : {});
  const db = wrap(pg);
  return {
    ...db,
    read: () => db,
    wrote: () => {},
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    close: () => pg.close(),
  };
}

function wrap(target: PGlite | Transaction): Queryable {
  return {
    async query<Row>(sql: string, params: unknown[] = []): Promise<Row[]> {
      const result = await target.query<Row>(sql, params);
      return result.rows;
    },
    async exec(sql: string): Promise<void> {
      await target.exec(sql);
    },
  };
}
