import type { RunningService } from '../shared/listen.js';
import { startService } from '../shared/start-service.js';
import { createSalesApp } from './app.js';
import { salesMigrations } from './migrations.js';
import type { StartSalesOptions } from './sales-options.js';

/** Starts the sales service; its database lives in `<dataDir>/sales`. */
export function startSales(options: StartSalesOptions): Promise<RunningService> {
  return startService(
    { name: 'sales', migrations: salesMigrations, createApp: createSalesApp },
    options,
  );
}
