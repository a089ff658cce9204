import { mkdir } from 'node:fs/promises';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Database, Queryable } from './database.js';

export interface OpenDatabaseOptions {
  /** Folder the embedded PGlite database lives in; created when missing. */
  dataDir: string;
  /**
   * A PostgreSQL connection string (`DATABASE_URL`). Reserved for the production path: the SQL is
   * plain Postgres, so a `pg` pool can implement {@link Database} later.
   * @default undefined (embedded PGlite)
   */
  databaseUrl?: string;
}

/** Opens the service's database: embedded PGlite on disk, one instance per process per folder. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    throw new Error(
      'DATABASE_URL is set, but this build of @mosaic/services only supports the embedded database: ' +
        `unset DATABASE_URL to keep data under ${options.dataDir}`,
    );
  }
  await mkdir(options.dataDir, { recursive: true });
  const pg = await PGlite.create(options.dataDir);
  return {
    ...wrap(pg),
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
