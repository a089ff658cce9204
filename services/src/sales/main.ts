import { closeOnSignal, logListening, readEnv, serviceUrl } from '../shared/read-env.js';
import { startSales } from './start-sales.js';

const service = await startSales({
  ...readEnv('sales'),
  upstreams: {
    catalogUrl: serviceUrl('catalog'),
    inventoryUrl: serviceUrl('inventory'),
    pricingUrl: serviceUrl('pricing'),
    partyUrl: serviceUrl('party'),
  },
});
logListening('sales', service.url);
closeOnSignal('sales', service.close);
