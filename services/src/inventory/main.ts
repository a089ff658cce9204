import { closeOnSignal, logListening, readEnv } from '../shared/read-env.js';
import { startInventory } from './start-inventory.js';

const service = await startInventory(readEnv('INVENTORY_PORT', 7102));
logListening('inventory', service.url);
closeOnSignal('inventory', service.close);
