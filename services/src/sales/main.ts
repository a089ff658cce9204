import { closeOnSignal, logListening, readEnv } from '../shared/read-env.js';
import { startSales } from './start-sales.js';

const url = (variable: string, port: number): string =>
  process.env[variable] || `http://127.0.0.1:${port}`;
const service = await startSales({
  ...readEnv('SALES_PORT', 7106),
  upstreams: {
    catalogUrl: url('CATALOG_URL', 7101),
    inventoryUrl: url('INVENTORY_URL', 7102),
    pricingUrl: url('PRICING_URL', 7104),
    partyUrl: url('PARTY_URL', 7105),
  },
});
logListening('sales', service.url);
closeOnSignal('sales', service.close);
