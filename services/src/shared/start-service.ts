import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Database } from './database.js';
import type { LogSink } from './log-line.js';
import { listen, type RunningService } from './listen.js';
import { openDatabase } from './open-database.js';
import { runMigrations, type Migration } from './run-migrations.js';

/** Options of `startCatalog` and `startInventory`. */
export interface StartServiceOptions {
  /** TCP port; `0` picks a free one (read it back from `url`). */
  port: number;
  /**
   * Interface to bind.
   * @default '127.0.0.1'
   */
  host?: string;
  /**
   * The Mosaic data folder (`MOSAIC_DATA_DIR`). Each service keeps its database in a subfolder
   * named after it, so both may share one folder.
   */
  dataDir: string;
  /**
   * PostgreSQL connection string; not supported yet (see README).
   * @default undefined (embedded PGlite)
   */
  databaseUrl?: string;
  /**
   * Where JSON log lines go.
   * @default one line per record on stdout
   */
  log?: LogSink;
}

/** What distinguishes one service from another: its name, schema and routes. */
export interface ServiceDefinition {
  name: string;
  migrations: Migration[];
  createApp(db: Database, log: LogSink | undefined): FastifyInstance;
}

/** Opens the database, migrates and seeds it, and starts listening. */
export async function startService(
  definition: ServiceDefinition,
  options: StartServiceOptions,
): Promise<RunningService> {
  const db = await openDatabase({
    dataDir: join(options.dataDir, definition.name),
    databaseUrl: options.databaseUrl,
  });
  try {
    await runMigrations(db, definition.migrations);
    const app = definition.createApp(db, options.log);
    app.addHook('onClose', () => db.close());
    return await listen(app, options.port, options.host ?? '127.0.0.1');
  } catch (error) {
    await db.close();
    throw error;
  }
}
