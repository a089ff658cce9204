import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInventory } from '../inventory/start-inventory.js';
import type { Movement, StockLevel } from '../inventory/stock.js';
import { productIdFor } from '../shared/ids.js';
import type { RunningService } from '../shared/listen.js';
import { createTestStorage, testBackends, type TestStorage } from '../shared/test-storage.js';
import {
  callJson,
  serviceOptions,
  startSalesWith,
  type JsonAnswer,
} from '../shared/test-services.js';
import type { ErrorBody } from '../shared/use-error-handler.js';
import { startFaultProxy, type FaultProxy } from './fault-proxy.js';
import type { Order } from './order.js';

/** Retried writes with an Idempotency-Key, against real services and a faulty link to inventory. */
describe.each(testBackends())('given writes retried with the same key, on $name', (backend) => {
  let storage: TestStorage;
  let inventory: RunningService;
  let proxy: FaultProxy;
  let sales: RunningService;

  beforeAll(async () => {
    storage = await createTestStorage(backend);
    inventory = await startInventory(serviceOptions(storage));
    proxy = await startFaultProxy(inventory.url, async () => {});
    // Only the retries under test settle orders here, not the background sweep.
    const timing = { upstreamTimeoutMs: 1000, recoveryIntervalMs: 600_000 };
    sales = await startSalesWith(serviceOptions(storage), proxy.url, timing);
  });

  afterAll(async () => {
    await sales?.close();
    await proxy?.close();
    await inventory?.close();
    await storage?.dispose();
  });

  async function call<T>(
    base: string,
    path: string,
    body?: unknown,
    key?: string,
  ): Promise<JsonAnswer<T>> {
    return callJson<T>(`${base}${path}`, {
      body,
      headers: key ? { 'idempotency-key': key } : {},
    });
  }

  async function stockOf(productId: string): Promise<StockLevel> {
    const { body } = await call<{ items: StockLevel[] }>(inventory.url, '/stock/batch', {
      productIds: [productId],
    });
    return body.items[0] as StockLevel;
  }

  async function newestOrderNumber(): Promise<string | undefined> {
    return (await call<{ items: Order[] }>(sales.url, '/orders?limit=1')).body.items[0]?.number;
  }

  async function sales_(productId: string, reference: string): Promise<Movement[]> {
    const { body } = await call<{ items: Movement[] }>(
      inventory.url,
      `/movements?productId=${productId}&limit=20`,
    );
    return body.items.filter((m) => m.kind === 'sale' && m.reference === reference);
  }

  it('answers a retried confirm with its real state and commits the stock once', async () => {
    const productId = productIdFor('xiaomai', 'XM-SNK-110');
    const before = (await stockOf(productId)).onHand;
    const created = await call<Order>(sales.url, '/orders', {
      createdBy: 'clerk',
      lines: [{ productId, quantity: 1 }],
    });
    // Inventory commits but its answer is lost, and it cannot be asked to release: unknown.
    proxy.decide = (_method, path) =>
      path.endsWith('/commit') ? 'swallow' : path.endsWith('/release') ? 'refuse' : 'pass';
    const first = await call<ErrorBody>(
      sales.url,
      `/orders/${created.body.id}/confirm`,
      { actor: 'clerk' },
      'confirm-1',
    );
    proxy.decide = () => 'pass';
    expect(first.status).toBe(503);
    expect(first.body.error.message).toContain(created.body.number);

    const retried = await call<Order>(
      sales.url,
      `/orders/${created.body.id}/confirm`,
      { actor: 'clerk' },
      'confirm-1',
    );
    expect(retried.status).toBe(200);
    expect(retried.body.status).toBe('confirmed');
    const again = await call<Order>(
      sales.url,
      `/orders/${created.body.id}/confirm`,
      { actor: 'clerk' },
      'confirm-1',
    );
    expect(again.body.status).toBe('confirmed');
    expect((await stockOf(productId)).onHand).toBe(before - 1);
    expect(await sales_(productId, created.body.number)).toHaveLength(1);
  });

  it('answers a retried confirm that was refused for stock with the same refusal', async () => {
    const productId = productIdFor('xiaomai', 'XM-SNK-111');
    const created = await call<Order>(sales.url, '/orders', {
      createdBy: 'clerk',
      lines: [{ productId, quantity: 10_000 }],
    });
    const path = `/orders/${created.body.id}/confirm`;
    const first = await call<ErrorBody>(sales.url, path, { actor: 'clerk' }, 'confirm-2');
    const retried = await call<ErrorBody>(sales.url, path, { actor: 'clerk' }, 'confirm-2');
    expect(first.status).toBe(409);
    expect(retried).toEqual({
      status: 409,
      body: { error: { ...first.body.error, requestId: retried.body.error.requestId } },
    });
    expect(retried.body.error.code).toBe('INSUFFICIENT_STOCK');
  });

  it('refuses a key sent again with another request', async () => {
    const productId = productIdFor('xiaomai', 'XM-SNK-112');
    const body = { createdBy: 'clerk', lines: [{ productId, quantity: 1 }] };
    expect((await call(sales.url, '/orders', body, 'create-1')).status).toBe(201);
    const other = await call<ErrorBody>(
      sales.url,
      '/orders',
      { ...body, lines: [{ productId, quantity: 2 }] },
      'create-1',
    );
    expect(other.status).toBe(409);
    expect(other.body.error.message).toMatch(/create-1.*another request/);
  });

  it('makes one order of a create sent twice at once with the same key', async () => {
    const productId = productIdFor('xiaomai', 'XM-SNK-113');
    const body = { createdBy: 'clerk', lines: [{ productId, quantity: 1 }] };
    const [a, b] = await Promise.all([
      call<Order>(sales.url, '/orders', body, 'create-2'),
      call<Order>(sales.url, '/orders', body, 'create-2'),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.id).toBe(b.body.id);
    const byKey = await call<Order>(sales.url, '/orders/by-key/create-2');
    expect(byKey.body.number).toBe(a.body.number);
  });

  it('leaves no order behind when a checkout gets no stock', async () => {
    const productId = productIdFor('xiaomai', 'XM-SNK-114');
    const before = await newestOrderNumber();
    const refused = await call<ErrorBody>(
      sales.url,
      '/checkouts',
      { createdBy: 'shopper', lines: [{ productId, quantity: 10_000 }] },
      'checkout-1',
    );
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('INSUFFICIENT_STOCK');
    expect(await newestOrderNumber()).toBe(before);
    expect((await stockOf(productId)).reserved).toBe(0);
  });

  it('leaves nothing when inventory is unreachable, and places the order once on retry', async () => {
    const productId = productIdFor('xiaomai', 'XM-SNK-115');
    const stock = (await stockOf(productId)).onHand;
    const before = await newestOrderNumber();
    const body = { createdBy: 'shopper', lines: [{ productId, quantity: 1 }] };
    proxy.decide = () => 'refuse';
    const failed = await call<ErrorBody>(sales.url, '/checkouts', body, 'checkout-2');
    proxy.decide = () => 'pass';
    expect(failed.status).toBe(503);
    expect(failed.body.error.message).toContain('nothing was ordered');
    expect(await newestOrderNumber()).toBe(before);
    expect((await call(sales.url, '/orders/by-key/checkout-2')).status).toBe(404);

    const placed = await call<Order>(sales.url, '/checkouts', body, 'checkout-2');
    expect(placed.status).toBe(201);
    expect(placed.body).toMatchObject({ status: 'confirmed', channel: 'shop' });
    const retried = await call<Order>(sales.url, '/checkouts', body, 'checkout-2');
    expect(retried.body.id).toBe(placed.body.id);
    expect((await stockOf(productId)).onHand).toBe(stock - 1);
    expect(await sales_(productId, placed.body.number)).toHaveLength(1);
  });

  it('cancels, never leaves in draft, a checkout whose stock was not taken after all', async () => {
    const productId = productIdFor('xiaomai', 'XM-SNK-116');
    const stock = await stockOf(productId);
    proxy.decide = (_method, path) => (path.endsWith('/commit') ? 'refuse' : 'pass');
    const failed = await call<ErrorBody>(
      sales.url,
      '/checkouts',
      { createdBy: 'shopper', lines: [{ productId, quantity: 1 }] },
      'checkout-3',
    );
    proxy.decide = () => 'pass';
    expect(failed.status).toBe(503);
    const order = await call<Order>(sales.url, '/orders/by-key/checkout-3');
    expect(order.body.status).toBe('cancelled');
    expect(failed.body.error.message).toContain(order.body.number);
    expect(await stockOf(productId)).toEqual(stock);
  });
});
