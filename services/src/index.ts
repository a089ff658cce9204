/**
 * @mosaic/services: the reference domain microservices behind the BFF. Other packages start them
 * in-process for tests; in production each runs alone from `dist/<service>/main.js`.
 */
export { startCatalog } from './catalog/start-catalog.js';
export { startInventory } from './inventory/start-inventory.js';
export { startIdentity } from './identity/start-identity.js';
export { startPricing } from './pricing/start-pricing.js';
export { startParty } from './party/start-party.js';
export { startSales } from './sales/start-sales.js';
export type { StartServiceOptions } from './shared/start-service.js';
export type { StartInventoryOptions } from './inventory/app.js';
export type { StartSalesOptions } from './sales/sales-options.js';
export type { RunningService } from './shared/listen.js';
export type { LogLine, LogSink } from './shared/log-line.js';
export type { Category, Product } from './catalog/product.js';
export type {
  Movement,
  Reservation,
  StockLevel,
  Warehouse,
  WarehouseStock,
} from './inventory/stock.js';
export type { Tenant, User, VerifiedSession } from './identity/user.js';
export { ROLE_APPS, appsFor } from './identity/roles.js';
export type { PriceList, Promotion, Quote, QuoteLine } from './pricing/price.js';
export type { Customer, MemberLevel } from './party/customer.js';
export type { Order, OrderLine, OrderStatus } from './sales/order.js';
export type { ErrorBody } from './shared/use-error-handler.js';
export { ERROR_CODES, type ErrorCode } from './shared/service-error.js';
export { deterministicUuid, productIdFor, warehouseIdFor } from './shared/ids.js';
export {
  DEMO_PASSWORD,
  DEMO_TENANTS,
  type DemoTenant,
  type DemoProduct,
} from './shared/demo-data.js';
