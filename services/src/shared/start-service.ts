import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Database } from './database.js';
import { stdoutSink, type LogSink } from './log-line.js';
import { listen, type RunningService } from './listen.js';
import { openDatabase } from './open-database.js';
import { useWriterTracking } from './use-writer-tracking.js';
import { operationLogMigration, useOperationLog } from './operation-log.js';
import { runMigrations, type Migration } from './run-migrations.js';

/** Options of every `startXxx` service function. */
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
   * PostgreSQL connection string (`DATABASE_URL`). When set, the service keeps its tables in a
   * schema of that database named after it (see `schemaPrefix`) instead of the embedded PGlite.
   * @default undefined (embedded PGlite under `dataDir`)
   */
  databaseUrl?: string;
  /**
   * Prepended to the service name to make its PostgreSQL schema, so test runs or environments can
   * share one database without sharing tables, e.g. `t1234_` gives `t1234_catalog`.
   * @default '' (the schema is the service name)
   */
  schemaPrefix?: string;
  /**
   * A streaming replica of `databaseUrl` (`DATABASE_REPLICA_URL`): lists, reports and searches
   * read from it (see `Database.read`); ignored without `databaseUrl`.
   * @default undefined (every read on the primary)
   */
  databaseReplicaUrl?: string;
  /**
   * How long a user's reads stay on the primary after they write (`DATABASE_REPLICA_STICKY_MS`).
   * @default 5000
   */
  replicaStickyMs?: number;
  /**
   * Where JSON log lines go.
   * @default one line per record on stdout
   */
  log?: LogSink;
}

/** What distinguishes one service from another: its name, schema and routes. */
export interface ServiceDefinition<Options extends StartServiceOptions = StartServiceOptions> {
  name: string;
  migrations: Migration[];
  /** Builds the routes; background jobs it starts must stop in an `onClose` hook. */
  createApp(db: Database, options: Options): FastifyInstance;
}

/**
 * Opens the database, migrates and seeds it, and starts listening. Every service also gets the
 * business-operation log's table and `GET /operations` (see `operation-log.ts`).
 */
export async function startService<Options extends StartServiceOptions>(
  definition: ServiceDefinition<Options>,
  options: Options,
): Promise<RunningService> {
  const db = await openDatabase({
    dataDir: join(options.dataDir, definition.name),
    databaseUrl: options.databaseUrl,
    schema: `${options.schemaPrefix ?? ''}${definition.name}`,
    replica: options.databaseReplicaUrl
      ? {
          url: options.databaseReplicaUrl,
          stickyMs: options.replicaStickyMs,
          onError: (error) =>
            (options.log ?? stdoutSink)({
              time: new Date().toISOString(),
              level: 'warn',
              service: definition.name,
              msg: `replica read failed, answered from the primary: ${(error as Error).message}`,
            }),
        }
      : undefined,
  });
  try {
    await runMigrations(db, [...definition.migrations, operationLogMigration]);
    const app = definition.createApp(db, options);
    useOperationLog(app, db);
    useWriterTracking(app, db);
    app.addHook('onClose', () => db.close());
    return await listen(app, options.port, options.host ?? '127.0.0.1');
  } catch (error) {
    await db.close();
    throw error;
  }
}
