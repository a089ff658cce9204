import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInventory } from '../inventory/start-inventory.js';
import type { StockLevel } from '../inventory/stock.js';
import type { Order } from '../sales/order.js';
import { startSales } from '../sales/start-sales.js';
import { productIdFor, warehouseIdFor } from './ids.js';
import type { RunningService } from './listen.js';
import type { Operation } from './operation-log.js';
import type { Page } from './page.js';
import { createTestStorage, testBackends, type TestStorage } from './test-storage.js';
import {
  callJson,
  salesUpstreams,
  serviceOptions,
  startSalesNeighbours,
  type JsonAnswer,
} from './test-services.js';

const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';

/** The business-operation log of real services, as the BFF calls them for a signed-in user. */
describe.each(testBackends())('the operation log on $name', (backend) => {
  let storage: TestStorage;
  const services: Record<string, RunningService> = {};

  beforeAll(async () => {
    storage = await createTestStorage(backend);
    const options = serviceOptions(storage);
    const [neighbours, inventory] = await Promise.all([
      startSalesNeighbours(options),
      startInventory(options),
    ]);
    Object.assign(services, neighbours, { inventory });
    services.sales = await startSales({
      ...options,
      upstreams: salesUpstreams(neighbours, inventory.url),
      recoveryIntervalMs: 600_000,
    });
  });

  afterAll(async () => {
    for (const service of Object.values(services)) await service.close();
    await storage?.dispose();
  });

  async function call<T>(
    service: string,
    path: string,
    options: {
      body?: unknown;
      tenant?: string;
      user?: string;
      requestId?: string;
      key?: string;
    } = {},
  ): Promise<JsonAnswer<T>> {
    const headers: Record<string, string> = {
      'x-user-id': `u-${Buffer.from(options.user ?? 'boss').toString('hex')}`,
      'x-user-name': encodeURIComponent(options.user ?? 'boss'),
      traceparent: `00-${TRACE_ID}-b7ad6b7169203331-01`,
    };
    if (options.requestId) headers['x-request-id'] = options.requestId;
    if (options.key) headers['idempotency-key'] = options.key;
    return callJson<T>(`${services[service]?.url}${path}`, {
      body: options.body,
      tenant: options.tenant,
      headers,
    });
  }

  async function operations(service: string, query = '', tenant = 'xiaomai'): Promise<Operation[]> {
    const { status, body } = await call<Page<Operation>>(service, `/operations?${query}`, {
      tenant,
    });
    expect(status).toBe(200);
    return body.items;
  }

  const productId = productIdFor('xiaomai', 'XM-SNK-110');
  const warehouseId = warehouseIdFor('xiaomai', 'DC-EAST');

  async function onHand(): Promise<number> {
    const { body } = await call<{ items: StockLevel[] }>('inventory', '/stock/batch', {
      body: { productIds: [productId] },
    });
    return body.items[0]?.warehouses.find((w) => w.warehouseId === warehouseId)?.onHand ?? 0;
  }

  it('records a stock adjustment once, with who, the values before and after, and the ids', async () => {
    const before = await onHand();
    const adjusted = await call('inventory', '/movements', {
      requestId: 'adjust-1',
      user: '王老板',
      body: {
        kind: 'adjustment',
        productId,
        warehouseId,
        quantity: -2,
        actor: 'x',
        reason: '破损',
      },
    });
    expect(adjusted.status).toBe(201);

    const [latest] = await operations('inventory', 'entity=stock');
    expect(latest).toMatchObject({
      operation: 'stock.adjustment',
      entityType: 'stock',
      entityId: productId,
      userId: `u-${Buffer.from('王老板').toString('hex')}`,
      userName: '王老板',
      requestId: 'adjust-1',
      traceId: TRACE_ID,
      before: { productId, warehouseId, onHand: before },
      after: { productId, warehouseId, onHand: before - 2, quantity: -2, reason: '破损' },
    });
    expect(await operations('inventory', 'requestId=adjust-1')).toHaveLength(1);
  });

  it('leaves no row for a write that fails', async () => {
    const count = (await operations('inventory', 'entity=stock&limit=200')).length;
    const refused = await call('inventory', '/movements', {
      body: {
        kind: 'adjustment',
        productId,
        warehouseId,
        quantity: -1_000_000,
        actor: 'x',
        reason: 'too much',
      },
    });
    expect(refused.status).toBe(409);
    expect(await operations('inventory', 'entity=stock&limit=200')).toHaveLength(count);
  });

  it('records a retried keyed order once, and who confirmed and cancelled it', async () => {
    const body = { createdBy: 'clerk', lines: [{ productId, quantity: 1 }] };
    const first = await call<Order>('sales', '/orders', { body, key: 'op-log-1', user: 'lili' });
    const retry = await call<Order>('sales', '/orders', { body, key: 'op-log-1', user: 'lili' });
    expect(retry.body.id).toBe(first.body.id);
    const id = first.body.id;
    await call('sales', `/orders/${id}/confirm`, { body: { actor: 'lili' }, user: 'lili' });
    await call('sales', `/orders/${id}/cancel`, { body: { actor: 'boss' }, user: 'boss' });

    const log = await operations('sales', `entity=order`);
    const ofOrder = log.filter((row) => row.entityId === id);
    expect(ofOrder.map((row) => [row.operation, row.userName])).toEqual([
      ['order.cancel', 'boss'],
      ['order.confirm', 'lili'],
      ['order.create', 'lili'],
    ]);
    expect(ofOrder[0]).toMatchObject({
      before: { status: 'confirmed' },
      after: { status: 'cancelled', number: first.body.number },
    });
    // Inventory records the reservation steps sales asked for, under the same user.
    const reservations = await operations('inventory', 'entity=reservation&user=lili');
    expect(reservations.map((row) => row.operation)).toEqual(
      expect.arrayContaining(['reservation.create', 'reservation.commit']),
    );
  });

  it('records catalog and party edits with the values before and after', async () => {
    // Without x-user-id (a caller that is not the BFF) the row is still written, with no user.
    const response = await fetch(`${services.catalog?.url}/products/${productId}`, {
      method: 'PATCH',
      headers: { 'x-tenant-id': 'xiaomai', 'content-type': 'application/json' },
      body: JSON.stringify({ unit: '箱' }),
    });
    expect(response.status).toBe(200);
    const [update] = await operations('catalog', 'entity=product');
    expect(update).toMatchObject({ operation: 'product.update', userId: null });
    expect((update?.after as { unit: string }).unit).toBe('箱');
    expect((update?.before as { unit: string }).unit).not.toBe('箱');

    const customer = await call<{ id: string }>('party', '/customers', {
      body: { name: '新客户', phone: '13900000001' },
    });
    expect(customer.status).toBe(201);
    const [created] = await operations('party', 'entity=customer');
    expect(created).toMatchObject({
      operation: 'customer.create',
      entityId: customer.body.id,
      before: null,
      after: { name: '新客户' },
    });
  });

  it('shows a tenant only its own operations, newest first, page by page', async () => {
    expect(await operations('inventory', '', 'chaye')).toEqual([]);
    const first = await call<Page<Operation>>('inventory', '/operations?limit=1');
    expect(first.body.items).toHaveLength(1);
    const second = await call<Page<Operation>>(
      'inventory',
      `/operations?limit=1&cursor=${first.body.nextCursor}`,
    );
    expect(Number(second.body.items[0]?.id)).toBeLessThan(Number(first.body.items[0]?.id));
    const bad = await call<{ error: { code: string } }>('inventory', '/operations?entity=DROP');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('BAD_REQUEST');
  });
});
