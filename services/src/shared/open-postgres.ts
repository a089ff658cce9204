import pg from 'pg';
import type { Database, Queryable } from './database.js';
import { createReadRouting } from './read-routing.js';

/** A streaming replica of the primary for reads that may be slightly stale. */
export interface ReplicaOptions {
  /** Its connection string (`DATABASE_REPLICA_URL`). */
  url: string;
  /** See `ReadRoutingOptions.stickyMs`. */
  stickyMs?: number;
  /** Told when the replica fails a read (that read is answered by the primary). */
  onError?: (error: unknown) => void;
}

const SCHEMA_PATTERN = /^[a-z_][a-z0-9_]{0,62}$/;

// node-postgres hands back int8 and numeric as strings; the services only store counts and fen
// that fit in a JS number, and PGlite returns numbers, so both backends answer alike.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/**
 * A {@link Database} over a node-postgres pool whose every connection works inside `schema`, so
 * services sharing one PostgreSQL database never see each other's tables or migrations.
 */
export async function openPostgres(
  connectionString: string,
  schema: string,
  replica?: ReplicaOptions,
): Promise<Database> {
  if (!SCHEMA_PATTERN.test(schema)) {
    throw new Error(`schema '${schema}' is not a plain lowercase identifier: use [a-z0-9_]`);
  }
  const pool = new pg.Pool({
    connectionString,
    max: 10,
    options: `-c search_path=${schema}`,
  });
  // A dropped idle connection must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  try {
    await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  } catch (error) {
    if ((error as { code?: string }).code !== '23505') {
      await pool.end();
      throw error;
    }
    // Another instance created the schema at the same moment: it exists, which is all we need.
  }
  const primary = wrap(pool);
  // The replica only answers reads; it is never migrated (it replays the primary's schema).
  const replicaPool = replica
    ? new pg.Pool({
        connectionString: replica.url,
        max: 10,
        options: `-c search_path=${schema}`,
        connectionTimeoutMillis: 2000,
      })
    : undefined;
  replicaPool?.on('error', () => {});
  const routing = replicaPool
    ? createReadRouting({
        primary,
        replica: wrap(replicaPool),
        stickyMs: replica?.stickyMs,
        onReplicaError: replica?.onError,
      })
    : { read: () => primary, wrote: () => {} };
  return {
    ...primary,
    read: routing.read,
    wrote: routing.wrote,
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      await Promise.all([pool.end(), replicaPool?.end()]);
    },
  };
}

function wrap(target: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<Row>(sql: string, params: unknown[] = []): Promise<Row[]> {
      const result = await target.query(sql, params);
      return result.rows as Row[];
    },
    async exec(sql: string): Promise<void> {
      await target.query(sql);
    },
  };
}
