import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** A storage backend the suites run against: always PGlite, PostgreSQL when configured. */
export interface TestBackend {
  name: string;
  /** PostgreSQL connection string, or undefined for embedded PGlite. */
  databaseUrl: string | undefined;
}

/** Where one test keeps its data; `dispose()` removes the folder and drops the schemas. */
export interface TestStorage {
  dataDir: string;
  databaseUrl: string | undefined;
  schemaPrefix: string;
  dispose(): Promise<void>;
}

/**
 * The backends to test: embedded PGlite, plus PostgreSQL when `TEST_DATABASE_URL` is set (CI
 * sets it; see `.ci/run`).
 */
export function testBackends(): TestBackend[] {
  const url = process.env.TEST_DATABASE_URL;
  return [
    { name: 'embedded PGlite', databaseUrl: undefined },
    ...(url ? [{ name: 'PostgreSQL', databaseUrl: url }] : []),
  ];
}

/**
 * Fresh, isolated storage: a temporary data folder and, on PostgreSQL, a schema prefix no other
 * run uses, so parallel runs against one server never meet.
 */
export async function createTestStorage(backend: TestBackend): Promise<TestStorage> {
  const dataDir = await mkdtemp(join(tmpdir(), 'mosaic-services-'));
  const schemaPrefix = `t${randomBytes(5).toString('hex')}_`;
  return {
    dataDir,
    databaseUrl: backend.databaseUrl,
    schemaPrefix,
    async dispose() {
      await rm(dataDir, { recursive: true, force: true });
      if (!backend.databaseUrl) return;
      const client = new pg.Client({ connectionString: backend.databaseUrl });
      await client.connect();
      try {
        const rows = await client.query<{ nspname: string }>(
          'SELECT nspname FROM pg_namespace WHERE starts_with(nspname, $1)',
          [schemaPrefix],
        );
        for (const { nspname } of rows.rows) {
          await client.query(`DROP SCHEMA "${nspname}" CASCADE`);
        }
      } finally {
        await client.end();
      }
    },
  };
}
