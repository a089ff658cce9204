/** What the repositories need from a database: plain Postgres SQL with `$1` parameters. */
export interface Queryable {
  /** Runs one statement and returns its rows. */
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Runs several `;`-separated statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/** A database connection owned by one service process. */
export interface Database extends Queryable {
  /** Runs `fn` in one transaction; it rolls back when `fn` throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
