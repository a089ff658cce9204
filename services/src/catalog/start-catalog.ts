import type { RunningService } from '../shared/listen.js';
import { startService, type StartServiceOptions } from '../shared/start-service.js';
import { createCatalogApp } from './app.js';
import { catalogMigrations } from './migrations.js';

/** Starts the catalog service; its database lives in `<dataDir>/catalog`. */
export function startCatalog(options: StartServiceOptions): Promise<RunningService> {
  return startService(
    {
      name: 'catalog',
      migrations: catalogMigrations,
      createApp: (db, o) => createCatalogApp(db, o.log),
    },
    options,
  );
}
