import type { RunningService } from '../shared/listen.js';
import { startService, type StartServiceOptions } from '../shared/start-service.js';
import { createInventoryApp } from './app.js';
import { inventoryMigrations } from './migrations.js';

/** Starts the inventory service; its database lives in `<dataDir>/inventory`. */
export function startInventory(options: StartServiceOptions): Promise<RunningService> {
  return startService(
    {
      name: 'inventory',
      migrations: inventoryMigrations,
      createApp: (db, o) => createInventoryApp(db, o.log),
    },
    options,
  );
}
