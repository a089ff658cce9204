import type { RunningService } from '../shared/listen.js';
import { startService, type StartServiceOptions } from '../shared/start-service.js';
import { createPricingApp } from './app.js';
import { pricingMigrations } from './migrations.js';

/** Starts the pricing service; its database lives in `<dataDir>/pricing`. */
export function startPricing(options: StartServiceOptions): Promise<RunningService> {
  return startService(
    {
      name: 'pricing',
      migrations: pricingMigrations,
      createApp: (db, o) => createPricingApp(db, o.log),
    },
    options,
  );
}
