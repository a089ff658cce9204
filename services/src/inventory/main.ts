import { closeOnSignal, logListening, readEnv } from '../shared/read-env.js';
import { startInventory } from './start-inventory.js';

const ttl = Number(process.env.RESERVATION_TTL_MS);
const service = await startInventory({
  ...readEnv('inventory'),
  reservationTtlMs: Number.isFinite(ttl) && ttl > 0 ? ttl : undefined,
});
logListening('inventory', service.url);
closeOnSignal('inventory', service.close);
