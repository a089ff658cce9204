import type { StartServiceOptions } from '../shared/start-service.js';

/** Options of `startSales`: the shared ones plus where the services it calls are. */
export interface StartSalesOptions extends StartServiceOptions {
  /** Base URLs of the services sales calls (env `INVENTORY_URL`, `CATALOG_URL`, `PRICING_URL`, `PARTY_URL`). */
  upstreams: { inventoryUrl: string; catalogUrl: string; pricingUrl: string; partyUrl: string };
  /**
   * How long one call to another service may take before its outcome counts as unknown.
   * @default 5000
   */
  upstreamTimeoutMs?: number;
  /**
   * How often orders left half-confirmed (inventory unreachable, process killed) are settled.
   * @default 10_000
   */
  recoveryIntervalMs?: number;
}
