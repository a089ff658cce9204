import { closeOnSignal, logListening, readEnv } from '../shared/read-env.js';
import { startIdentity } from './start-identity.js';

const service = await startIdentity(readEnv('IDENTITY_PORT', 7103));
logListening('identity', service.url);
closeOnSignal('identity', service.close);
