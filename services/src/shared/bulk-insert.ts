import type { Queryable } from './database.js';

/**
 * Inserts many rows in one statement by passing one array per column to `unnest`, which both
 * PGlite and PostgreSQL run far faster than a statement per row. `columns` maps each column to
 * its Postgres type, e.g. `{ tenant_id: 'text', quantity: 'int' }`.
 */
export async function bulkInsert(
  db: Queryable,
  table: string,
  columns: Record<string, string>,
  rows: unknown[][],
): Promise<void> {
  const names = Object.keys(columns);
  // Large seeds go in slices so no single statement carries an unbounded parameter payload.
  for (let start = 0; start < rows.length; start += 5000) {
    const slice = rows.slice(start, start + 5000);
    const arrays = names.map((_, i) => slice.map((row) => row[i] ?? null));
    const unnest = names.map((name, i) => `$${i + 1}::${columns[name]}[]`).join(', ');
    await db.query(
      `INSERT INTO ${table} (${names.join(', ')}) SELECT * FROM unnest(${unnest})`,
      arrays,
    );
  }
}
