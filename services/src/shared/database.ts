/** What the repositories need from a database: plain Postgres SQL with `$1` parameters. */
export interface Queryable {
  /** Runs one statement and returns its rows. */
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Runs several `;`-separated statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/** Who a read or write is for: the tenant and, when the BFF said, the signed-in user. */
export interface Reader {
  tenantId: string;
  userId: string | null;
}

/**
 * A database connection owned by one service process. Used directly (`db.query`,
 * `db.transaction`) it is the primary: writes, reads inside a write, reads that decide a write,
 * single lookups. Reads that may be slightly stale (lists, reports, searches, the dashboard) go
 * through `db.read(reader)`, which is the replica when one is configured.
 */
export interface Database extends Queryable {
  /** Runs `fn` in one transaction; it rolls back when `fn` throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Where a read that may be slightly stale runs: the replica (`DATABASE_REPLICA_URL`), except
   * for a reader who wrote through this process within the last few seconds (they read their own
   * write from the primary), and except when the replica fails (the read runs on the primary).
   * Without a replica (unset, and always under PGlite) it is the database itself.
   */
  read(reader: Reader): Queryable;
  /** Notes that `reader` writes now: their reads go to the primary for the sticky window. */
  wrote(reader: Reader): void;
  close(): Promise<void>;
}
