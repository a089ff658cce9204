import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInventory } from '../inventory/start-inventory.js';
import type { StockLevel } from '../inventory/stock.js';
import { deterministicUuid, productIdFor } from '../shared/ids.js';
import type { RunningService } from '../shared/listen.js';
import type { LogLine } from '../shared/log-line.js';
import { createTestStorage, testBackends, type TestStorage } from '../shared/test-storage.js';
import {
  callJson,
  salesUpstreams,
  serviceOptions,
  startSalesNeighbours,
  type JsonAnswer,
} from '../shared/test-services.js';
import type { Order } from './order.js';
import type { StartSalesOptions } from './sales-options.js';
import { startSales } from './start-sales.js';

describe.each(testBackends())('sales service on $name', (backend) => {
  let storage: TestStorage;
  const services: RunningService[] = [];
  let sales: RunningService;
  let salesOptions!: StartSalesOptions;
  let inventory: RunningService;
  const inventoryLogs: LogLine[] = [];
  const tea = productIdFor('chaye', 'CY-TEA-003');

  beforeAll(async () => {
    storage = await createTestStorage(backend);
    const options = serviceOptions(storage);
    const neighbours = await startSalesNeighbours(options);
    inventory = await startInventory(serviceOptions(storage, (line) => inventoryLogs.push(line)));
    services.push(...Object.values(neighbours), inventory);
    salesOptions = { ...options, upstreams: salesUpstreams(neighbours, inventory.url) };
    sales = await startSales(salesOptions);
  });

  afterAll(async () => {
    await sales?.close();
    for (const service of services.reverse()) await service.close();
    await storage?.dispose();
  });

  async function call<T>(
    base: string,
    path: string,
    body?: unknown,
    tenant = 'chaye',
  ): Promise<JsonAnswer<T>> {
    return callJson<T>(`${base}${path}`, { body, tenant });
  }

  async function stock(productId = tea): Promise<StockLevel> {
    const { body } = await call<{ items: StockLevel[] }>(inventory.url, '/stock/batch', {
      productIds: [productId],
    });
    return body.items[0] as StockLevel;
  }

  async function draft(quantity: number, tenant = 'chaye', productId = tea): Promise<Order> {
    const created = await call<Order>(
      sales.url,
      '/orders',
      { createdBy: 'owner', lines: [{ productId, quantity }] },
      tenant,
    );
    expect(created.status).toBe(201);
    return created.body;
  }

  it('creates a numbered draft priced by pricing and named by catalog', async () => {
    const customerId = deterministicUuid('customer', 'chaye', 'C0001');
    const created = await call<Order>(sales.url, '/orders', {
      createdBy: 'owner',
      customerId,
      lines: [{ productId: tea, quantity: 2 }],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'draft',
      customerId,
      lines: [{ sku: 'CY-TEA-003', quantity: 2 }],
    });
    expect(created.body.number).toMatch(/^SO-\d{6}$/);
    const next = await draft(1);
    expect(Number(next.number.slice(3))).toBe(Number(created.body.number.slice(3)) + 1);
  });

  it('confirming reserves and commits the stock', async () => {
    const before = await stock();
    const order = await draft(2);
    const confirmed = await call<Order>(sales.url, `/orders/${order.id}/confirm`, {
      actor: 'owner',
    });
    expect(confirmed.body.status).toBe('confirmed');
    expect(await stock()).toMatchObject({ onHand: before.onHand - 2, reserved: 0 });
    expect((await call<Order>(sales.url, `/orders/${order.id}/confirm`, {})).body.status).toBe(
      'confirmed',
    );
  });

  it("sums the window's confirmed and shipped orders, not drafts, for its own tenant only", async () => {
    const from = new Date(Date.now() - 3600_000).toISOString();
    const to = new Date(Date.now() + 3600_000).toISOString();
    const report = (tenant: string) =>
      call<{ orderCount: number; total: string }>(
        sales.url,
        `/reports/sales?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
        undefined,
        tenant,
      );
    const before = (await report('chaye')).body;
    const otherBefore = (await report('xiaomai')).body;

    await draft(3); // a draft is not a sale
    const sold = await draft(2);
    await call(sales.url, `/orders/${sold.id}/confirm`, { actor: 'owner' });

    const after = await report('chaye');
    expect(after.status).toBe(200);
    expect(after.body.orderCount).toBe(before.orderCount + 1);
    const fen = (money: string): number => Math.round(Number(money) * 100);
    expect(fen(after.body.total)).toBe(fen(before.total) + fen(sold.total));
    expect(after.body.total).toMatch(/^\d+\.\d{2}$/);
    expect((await report('xiaomai')).body).toEqual(otherBefore);
  });

  it('refuses a report window that is missing, reversed or too long, saying why', async () => {
    const bad = [
      '/reports/sales',
      '/reports/sales?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z',
      '/reports/sales?from=2026-01-01T00:00:00Z&to=2026-12-01T00:00:00Z',
      '/reports/sales?from=yesterday&to=today',
    ];
    for (const path of bad) {
      const response = await call<{ error: { code: string; message: string } }>(sales.url, path);
      expect(response.status, path).toBe(400);
      expect(response.body.error.message, path).toMatch(/query\.(from|to)/);
    }
  });

  it('passes the request id, traceparent and environment on to inventory', async () => {
    const order = await draft(1);
    const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    await fetch(`${sales.url}/orders/${order.id}/confirm`, {
      method: 'POST',
      headers: {
        'x-tenant-id': 'chaye',
        'content-type': 'application/json',
        'x-request-id': 'trace-me-1',
        traceparent,
        'x-mosaic-env': 'canary',
      },
      body: '{}',
    });
    const upstream = inventoryLogs.filter((line) => line.requestId === 'trace-me-1');
    expect(upstream.map((line) => line.path)).toEqual([
      '/reservations',
      `/reservations/${(await call<Order>(sales.url, `/orders/${order.id}`)).body.reservationId}/commit`,
    ]);
    expect(upstream[0]).toMatchObject({ tenant: 'chaye', traceparent, env: 'canary' });
  });

  it('cancelling a confirmed order puts its stock back; shipping a cancelled one is refused', async () => {
    const before = await stock();
    const order = await draft(1);
    await call(sales.url, `/orders/${order.id}/confirm`, {});
    const cancelled = await call<Order>(sales.url, `/orders/${order.id}/cancel`, {
      actor: 'owner',
    });
    expect(cancelled.body.status).toBe('cancelled');
    expect((await stock()).onHand).toBe(before.onHand);
    expect((await call(sales.url, `/orders/${order.id}/ship`, {})).status).toBe(409);
  });

  it('keeps its orders and numbering across a restart', async () => {
    const order = await draft(1);
    await call(sales.url, `/orders/${order.id}/confirm`, {});
    await sales.close();
    sales = await startSales(salesOptions);
    expect((await call<Order>(sales.url, `/orders/${order.id}`)).body.status).toBe('confirmed');
    const next = await draft(1);
    expect(Number(next.number.slice(3))).toBe(Number(order.number.slice(3)) + 1);
  });

  it('ships a confirmed order', async () => {
    const order = await draft(1);
    await call(sales.url, `/orders/${order.id}/confirm`, {});
    expect((await call<Order>(sales.url, `/orders/${order.id}/ship`, {})).body.status).toBe(
      'shipped',
    );
  });

  it('leaves the order in draft with nothing reserved when stock is short', async () => {
    const order = await draft(9999);
    const response = await call<{ error: { code: string } }>(
      sales.url,
      `/orders/${order.id}/confirm`,
      {},
    );
    expect(response).toMatchObject({
      status: 409,
      body: { error: { code: 'INSUFFICIENT_STOCK' } },
    });
    expect((await call<Order>(sales.url, `/orders/${order.id}`)).body.status).toBe('draft');
    expect((await stock()).reserved).toBe(0);
  });

  it("cannot read, confirm or cancel another tenant's order by its id", async () => {
    const order = await draft(1);
    for (const [path, body] of [
      [`/orders/${order.id}`],
      [`/orders/${order.id}/confirm`, {}],
      [`/orders/${order.id}/cancel`, {}],
    ] as const) {
      expect((await call(sales.url, path, body, 'xiaomai')).status).toBe(404);
    }
    expect((await call<Order>(sales.url, `/orders/${order.id}`)).body.status).toBe('draft');
  });

  it("refuses lines with another tenant's product or customer", async () => {
    const water = productIdFor('xiaomai', 'XM-DRK-001');
    const foreign = await call<{ error: { message: string } }>(sales.url, '/orders', {
      createdBy: 'o',
      lines: [{ productId: water, quantity: 1 }],
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.message).toContain('body.lines.0.productId');
    const customerId = deterministicUuid('customer', 'xiaomai', 'C0001');
    const stranger = await call(sales.url, '/orders', {
      createdBy: 'o',
      customerId,
      lines: [{ productId: tea, quantity: 1 }],
    });
    expect(stranger.status).toBe(400);
  });

  it('rejects malformed orders with 400 naming the field', async () => {
    for (const [body, field] of [
      [{ createdBy: 'o', lines: [] }, 'body.lines'],
      [{ createdBy: 'o', lines: [{ productId: tea, quantity: 0 }] }, 'body.lines.0.quantity'],
      [{ lines: [{ productId: tea, quantity: 1 }] }, 'body.createdBy'],
    ] as const) {
      const response = await call<{ error: { message: string } }>(sales.url, '/orders', body);
      expect(response.status).toBe(400);
      expect(response.body.error.message).toContain(field);
    }
  });

  it('pages the seeded history newest first and filters by status', async () => {
    const first = await call<{ items: Order[]; nextCursor: string }>(
      sales.url,
      '/orders?limit=20',
      undefined,
      'xiaomai',
    );
    expect(first.body.items).toHaveLength(20);
    const second = await call<{ items: Order[] }>(
      sales.url,
      `/orders?limit=20&cursor=${first.body.nextCursor}`,
      undefined,
      'xiaomai',
    );
    expect(second.body.items[0]?.number.localeCompare(first.body.items[19]?.number ?? '')).toBe(-1);
    const shipped = await call<{ items: Order[] }>(
      sales.url,
      '/orders?status=shipped&limit=50',
      undefined,
      'xiaomai',
    );
    expect(shipped.body.items.length).toBe(50);
    expect(shipped.body.items.every((order) => order.status === 'shipped')).toBe(true);
  });

  it("filters the history by customer, for a customer's page", async () => {
    const recent = await call<{ items: Order[] }>(
      sales.url,
      '/orders?limit=50',
      undefined,
      'xiaomai',
    );
    const customerId = recent.body.items.find((order) => order.customerId)?.customerId;
    expect(customerId, 'a seeded order with a customer').toBeTruthy();
    const theirs = await call<{ items: Order[] }>(
      sales.url,
      `/orders?customerId=${customerId}&limit=50`,
      undefined,
      'xiaomai',
    );
    expect(theirs.body.items.length).toBeGreaterThan(0);
    expect(theirs.body.items.every((order) => order.customerId === customerId)).toBe(true);
  });
});
