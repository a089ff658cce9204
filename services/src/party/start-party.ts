import type { RunningService } from '../shared/listen.js';
import { startService, type StartServiceOptions } from '../shared/start-service.js';
import { createPartyApp } from './app.js';
import { partyMigrations } from './migrations.js';

/** Starts the party (customers) service; its database lives in `<dataDir>/party`. */
export function startParty(options: StartServiceOptions): Promise<RunningService> {
  return startService(
    { name: 'party', migrations: partyMigrations, createApp: (db, o) => createPartyApp(db, o.log) },
    options,
  );
}
