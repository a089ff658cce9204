// Test-only (left out of the build): the set-up the service suites share. Each suite starts real
// services on its own fresh storage and talks to them over HTTP.
import { afterAll, beforeAll } from 'vitest';
import { startCatalog } from '../catalog/start-catalog.js';
import { startParty } from '../party/start-party.js';
import { startPricing } from '../pricing/start-pricing.js';
import type { StartSalesOptions } from '../sales/sales-options.js';
import { startSales } from '../sales/start-sales.js';
import type { RunningService } from './listen.js';
import type { LogSink } from './log-line.js';
import type { StartServiceOptions } from './start-service.js';
import { createTestStorage, type TestBackend, type TestStorage } from './test-storage.js';

/** A free port on this storage, log lines to `log` (default: dropped). */
export function serviceOptions(
  storage: TestStorage,
  log: LogSink = () => {},
): StartServiceOptions & { dataDir: string } {
  return { port: 0, ...storage, log };
}

/** What `useService` started; read it inside tests (it is set once `beforeAll` ran). */
export interface SuiteService {
  readonly url: string;
  readonly storage: TestStorage;
}

/**
 * One service on fresh storage for the calling `describe`: started before its tests, closed and
 * its storage dropped after them.
 */
export function useService(
  backend: TestBackend,
  start: (options: StartServiceOptions) => Promise<RunningService>,
  log?: LogSink,
): SuiteService {
  let storage: TestStorage | undefined;
  let service: RunningService | undefined;
  beforeAll(async () => {
    storage = await createTestStorage(backend);
    service = await start(serviceOptions(storage, log));
  });
  afterAll(async () => {
    await service?.close();
    await storage?.dispose();
  });
  return {
    get url() {
      if (!service) throw new Error('the service is not started: read it inside a test');
      return service.url;
    },
    get storage() {
      if (!storage) throw new Error('the storage is not made: read it inside a test');
      return storage;
    },
  };
}

/** Catalog, pricing and party: what sales calls besides inventory. */
export interface SalesNeighbours {
  catalog: RunningService;
  pricing: RunningService;
  party: RunningService;
}

/** Start catalog, pricing and party side by side (the suite closes them). */
export async function startSalesNeighbours(options: StartServiceOptions): Promise<SalesNeighbours> {
  const [catalog, pricing, party] = await Promise.all([
    startCatalog(options),
    startPricing(options),
    startParty(options),
  ]);
  return { catalog, pricing, party };
}

/** `startSales`'s upstreams: these neighbours, and inventory at `inventoryUrl` (or a proxy to it). */
export function salesUpstreams(
  { catalog, pricing, party }: SalesNeighbours,
  inventoryUrl: string,
): StartSalesOptions['upstreams'] {
  return {
    catalogUrl: catalog.url,
    inventoryUrl,
    pricingUrl: pricing.url,
    partyUrl: party.url,
  };
}

/**
 * Sales with catalog, pricing and party beside it, calling inventory at `inventoryUrl` (the
 * suite's own inventory, or a proxy to it); `close()` stops all four.
 */
export async function startSalesWith(
  options: StartServiceOptions,
  inventoryUrl: string,
  more: Omit<StartSalesOptions, keyof StartServiceOptions | 'upstreams'> = {},
): Promise<RunningService> {
  const neighbours = await startSalesNeighbours(options);
  const sales = await startSales({
    ...options,
    ...more,
    upstreams: salesUpstreams(neighbours, inventoryUrl),
  });
  return {
    url: sales.url,
    async close() {
      await sales.close();
      for (const service of Object.values(neighbours)) await service.close();
    },
  };
}

/** What one JSON call answered. */
export interface JsonAnswer<T> {
  status: number;
  body: T;
}

/** GET `url` (POST when there is a body) as `tenant`, JSON both ways. */
export async function callJson<T>(
  url: string,
  {
    body,
    tenant = 'xiaomai',
    headers = {},
  }: { body?: unknown; tenant?: string; headers?: Record<string, string> } = {},
): Promise<JsonAnswer<T>> {
  const response = await fetch(url, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'x-tenant-id': tenant, 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}
