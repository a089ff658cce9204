import { closeOnSignal, logListening, readEnv } from '../shared/read-env.js';
import { startPricing } from './start-pricing.js';

const service = await startPricing(readEnv('pricing'));
logListening('pricing', service.url);
closeOnSignal('pricing', service.close);
