import type { Database, Queryable } from './database.js';

/** One schema or data change, applied once, in name order, inside its own transaction. */
export interface Migration {
  /** Unique and sortable, e.g. `001-products`. Never rename one that has shipped. */
  name: string;
  /** Plain Postgres SQL, or a function for data changes such as the demo seed. */
  up: string | ((tx: Queryable) => Promise<void>);
}

// Several instances of one service may start at once against one PostgreSQL schema; a
// transaction-scoped advisory lock makes them apply each migration exactly once.
const LOCK = "SELECT pg_advisory_xact_lock(hashtext(current_schema() || '/migrations'))";

/** Applies the migrations not yet recorded in `schema_migrations`; returns the names applied. */
export async function runMigrations(db: Database, migrations: Migration[]): Promise<string[]> {
  await db.transaction(async (tx) => {
    await tx.query(LOCK);
    await tx.exec(`
      CREATE TABLE IF NOT EXISTS schema_migrations (
        name text PRIMARY KEY,
        applied_at timestamptz NOT NULL DEFAULT now()
      )
    `);
  });
  const rows = await db.query<{ name: string }>('SELECT name FROM schema_migrations');
  const done = new Set(rows.map((row) => row.name));
  const applied: string[] = [];
  const pending = [...migrations]
    .sort((a, b) => a.name.localeCompare(b.name))
    .filter((migration) => !done.has(migration.name));
  for (const migration of pending) {
    const ran = await db.transaction(async (tx) => {
      await tx.query(LOCK);
      const seen = await tx.query('SELECT 1 FROM schema_migrations WHERE name = $1', [
        migration.name,
      ]);
      if (seen.length > 0) return false;
      if (typeof migration.up === 'string') await tx.exec(migration.up);
      else await migration.up(tx);
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [migration.name]);
      return true;
    });
    if (ran) applied.push(migration.name);
  }
  return applied;
}
