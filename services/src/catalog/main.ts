import { closeOnSignal, logListening, readEnv } from '../shared/read-env.js';
import { startCatalog } from './start-catalog.js';

const service = await startCatalog(readEnv('catalog'));
logListening('catalog', service.url);
closeOnSignal('catalog', service.close);
