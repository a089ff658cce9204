/**
 * @mosaic/services: the reference domain microservices behind the BFF. Other packages start them
 * in-process for tests; in production each runs alone from `dist/<service>/main.js`.
 */
export { startCatalog } from './catalog/start-catalog.js';
export { startInventory } from './inventory/start-inventory.js';
export type { StartServiceOptions } from './shared/start-service.js';
export type { RunningService } from './shared/listen.js';
export type { LogLine, LogSink } from './shared/log-line.js';
export type { Product } from './catalog/product.js';
export type { StockLevel, Warehouse, WarehouseStock } from './inventory/stock.js';
export type { ErrorBody } from './shared/use-error-handler.js';
export { ERROR_CODES, type ErrorCode } from './shared/service-error.js';
export { productIdFor, warehouseIdFor } from './shared/ids.js';
export { DEMO_TENANTS, type DemoTenant, type DemoProduct } from './shared/demo-data.js';
