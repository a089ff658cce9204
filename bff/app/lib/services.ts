import type { Context } from 'egg';
import type AppRegistryService from '../service/app_registry.js';
import type CanaryService from '../service/canary.js';
import type CatalogService from '../service/catalog.js';
import type IdentityService from '../service/identity.js';
import type InventoryService from '../service/inventory.js';
import type OperationsService from '../service/operations.js';
import type PartyService from '../service/party.js';
import type PricingService from '../service/pricing.js';
import type RegistryService from '../service/registry.js';
import type SalesService from '../service/sales.js';
import type SalesReportService from '../service/sales_report.js';
import type SessionService from '../service/session.js';

/**
 * The services Egg's loader puts on `ctx.service` (from app/service/<snake_case>.ts), typed.
 * Egg 4 types `ctx.service` loosely and we do not run egg-ts-helper, so this is the one place
 * that names them.
 */
export interface BffServices {
  appRegistry: AppRegistryService;
  canary: CanaryService;
  catalog: CatalogService;
  identity: IdentityService;
  inventory: InventoryService;
  operations: OperationsService;
  party: PartyService;
  pricing: PricingService;
  registry: RegistryService;
  sales: SalesService;
  salesReport: SalesReportService;
  session: SessionService;
}

export function services(ctx: Context): BffServices {
  return ctx.service as unknown as BffServices;
}
