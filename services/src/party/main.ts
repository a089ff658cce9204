import { closeOnSignal, logListening, readEnv } from '../shared/read-env.js';
import { startParty } from './start-party.js';

const service = await startParty(readEnv('party'));
logListening('party', service.url);
closeOnSignal('party', service.close);
