import { closeOnSignal, logListening, readEnv } from '../shared/read-env.js';
import { startIdentity } from './start-identity.js';

const service = await startIdentity(readEnv('identity'));
logListening('identity', service.url);
closeOnSignal('identity', service.close);
