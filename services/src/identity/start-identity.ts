import type { RunningService } from '../shared/listen.js';
import { startService, type StartServiceOptions } from '../shared/start-service.js';
import { createIdentityApp } from './app.js';
import { identityMigrations } from './migrations.js';

/** Starts the identity service; its database lives in `<dataDir>/identity`. */
export function startIdentity(options: StartServiceOptions): Promise<RunningService> {
  return startService(
    {
      name: 'identity',
      migrations: identityMigrations,
      createApp: (db, o) => createIdentityApp(db, o.log),
    },
    options,
  );
}
