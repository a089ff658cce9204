import type { RunningService } from '../shared/listen.js';
import { startService } from '../shared/start-service.js';
import { createInventoryApp, type StartInventoryOptions } from './app.js';
import { inventoryMigrations } from './migrations.js';

/** Starts the inventory service; its database lives in `<dataDir>/inventory`. */
export function startInventory(options: StartInventoryOptions): Promise<RunningService> {
  return startService(
    { name: 'inventory', migrations: inventoryMigrations, createApp: createInventoryApp },
    options,
  );
}
