import { closeOnSignal, logListening, readEnv } from '../shared/read-env.js';
import { startCatalog } from './start-catalog.js';

const service = await startCatalog(readEnv('CATALOG_PORT', 7101));
logListening('catalog', service.url);
closeOnSignal('catalog', service.close);
