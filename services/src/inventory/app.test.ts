import { describe, expect, it } from 'vitest';
import { productIdFor, warehouseIdFor } from '../shared/ids.js';
import { createTestStorage, testBackends } from '../shared/test-storage.js';
import { useService } from '../shared/test-services.js';
import type { StockLevel, Warehouse } from './stock.js';
import { startInventory } from './start-inventory.js';

describe.each(testBackends())('inventory service on $name', (backend) => {
  const service = useService(backend, startInventory);

  function call(path: string, tenant?: string, init: RequestInit = {}): Promise<Response> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (tenant) headers['x-tenant-id'] = tenant;
    return fetch(`${service.url}${path}`, { ...init, headers: { ...headers, ...init.headers } });
  }

  async function stock(tenant: string, productIds: string[]): Promise<StockLevel[]> {
    const response = await call('/stock/batch', tenant, {
      method: 'POST',
      body: JSON.stringify({ productIds }),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { items: StockLevel[] }).items;
  }

  it('answers /healthz without a tenant', async () => {
    const response = await fetch(`${service.url}/healthz`);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('refuses a request without x-tenant-id', async () => {
    const response = await call('/warehouses');
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string } };
    expect(body.error.code).toBe('TENANT_REQUIRED');
  });

  it('echoes x-request-id', async () => {
    const response = await call('/warehouses', 'xiaomai', { headers: { 'x-request-id': 'r-42' } });
    expect(response.headers.get('x-request-id')).toBe('r-42');
  });

  it("lists only the tenant's own warehouses", async () => {
    const xiaomai = await call('/warehouses', 'xiaomai');
    expect(((await xiaomai.json()) as { items: Warehouse[] }).items).toEqual([
      { id: warehouseIdFor('xiaomai', 'DC-EAST'), name: '城东中心仓' },
      { id: warehouseIdFor('xiaomai', 'STORE'), name: '门店后仓' },
    ]);
    const chaye = await call('/warehouses', 'chaye');
    expect(((await chaye.json()) as { items: Warehouse[] }).items).toEqual([
      { id: warehouseIdFor('chaye', 'SHOP'), name: '店内库房' },
    ]);
  });

  it('returns per-warehouse numbers and their total', async () => {
    const water = productIdFor('xiaomai', 'XM-DRK-001');
    const [level] = await stock('xiaomai', [water]);
    expect(level).toEqual({
      productId: water,
      onHand: 288,
      reserved: 0,
      available: 288,
      warehouses: [
        {
          warehouseId: warehouseIdFor('xiaomai', 'DC-EAST'),
          name: '城东中心仓',
          onHand: 240,
          reserved: 0,
          available: 240,
        },
        {
          warehouseId: warehouseIdFor('xiaomai', 'STORE'),
          name: '门店后仓',
          onHand: 48,
          reserved: 0,
          available: 48,
        },
      ],
    });
  });

  it('answers one item per requested id, in order, with zeros for unknown ids', async () => {
    const tea = productIdFor('chaye', 'CY-TEA-001');
    const unknown = productIdFor('chaye', 'CY-NOPE-999');
    const items = await stock('chaye', [unknown, tea, 'not-a-uuid']);
    expect(items.map((item) => [item.productId, item.onHand])).toEqual([
      [unknown, 0],
      [tea, 20],
      ['not-a-uuid', 0],
    ]);
    expect(items[0]?.warehouses).toEqual([
      {
        warehouseId: warehouseIdFor('chaye', 'SHOP'),
        name: '店内库房',
        onHand: 0,
        reserved: 0,
        available: 0,
      },
    ]);
  });

  it('records a history of movements that adds up to the stock level', async () => {
    const water = productIdFor('xiaomai', 'XM-DRK-001');
    const [level] = await stock('xiaomai', [water]);
    const response = await call(`/movements?productId=${water}&limit=200`, 'xiaomai');
    const { items } = (await response.json()) as { items: { kind: string; quantity: number }[] };
    expect(items.reduce((sum, movement) => sum + movement.quantity, 0)).toBe(level?.onHand);
    expect(new Set(items.map((movement) => movement.kind))).toEqual(new Set(['receipt', 'sale']));
  });

  it("never reveals another tenant's stock", async () => {
    const water = productIdFor('xiaomai', 'XM-DRK-001');
    const [level] = await stock('chaye', [water]);
    expect(level?.onHand).toBe(0);
    expect(level?.warehouses.map((entry) => entry.name)).toEqual(['店内库房']);
  });

  async function low(tenant: string, query: string): Promise<Response> {
    return call(`/stock/low?${query}`, tenant);
  }

  it('lists products running low, lowest first, with the totals the batch read gives', async () => {
    const all = (await (await low('xiaomai', 'below=1000000&limit=100')).json()) as {
      items: { productId: string; onHand: number }[];
    };
    expect(all.items.length).toBeGreaterThan(3);
    const totals = all.items.map((item) => item.onHand);
    expect(totals).toEqual([...totals].sort((a, b) => a - b));
    const levels = await stock(
      'xiaomai',
      all.items.slice(0, 5).map((item) => item.productId),
    );
    expect(levels.map((level) => level.onHand)).toEqual(totals.slice(0, 5));

    // Only those below the threshold, and no more than asked for.
    const below = (totals[2] ?? 0) + 1;
    const some = (await (await low('xiaomai', `below=${below}&limit=2`)).json()) as {
      items: { onHand: number }[];
    };
    expect(some.items).toHaveLength(2);
    expect(some.items.every((item) => item.onHand < below)).toBe(true);
  });

  it("lists only the tenant's own products as low", async () => {
    const ids = async (tenant: string): Promise<string[]> =>
      (
        (await (await low(tenant, 'below=1000000&limit=100')).json()) as {
          items: { productId: string }[];
        }
      ).items.map((item) => item.productId);
    const xiaomai = await ids('xiaomai');
    const chaye = await ids('chaye');
    expect(chaye.length).toBeGreaterThan(0);
    expect(chaye.filter((id) => xiaomai.includes(id))).toEqual([]);
  });

  it('refuses a low-stock query without a threshold or asking for too many, naming the field', async () => {
    for (const [query, field] of [
      ['limit=5', 'query.below'],
      ['below=0', 'query.below'],
      ['below=10&limit=101', 'query.limit'],
    ] as const) {
      const response = await low('xiaomai', query);
      expect(response.status, query).toBe(400);
      const body = (await response.json()) as { error: { message: string } };
      expect(body.error.message, query).toContain(field);
    }
  });

  it('rejects a bad body with 400 naming the field', async () => {
    const response = await call('/stock/batch', 'xiaomai', {
      method: 'POST',
      body: JSON.stringify({ productIds: 'abc' }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('BAD_REQUEST');
    expect(body.error.message).toContain('body.productIds');
  });

  it('rejects an empty batch and one of more than 200 ids', async () => {
    for (const productIds of [[], Array.from({ length: 201 }, (_, i) => `id-${i}`)]) {
      const response = await call('/stock/batch', 'xiaomai', {
        method: 'POST',
        body: JSON.stringify({ productIds }),
      });
      expect(response.status).toBe(400);
    }
  });
});

describe.each(testBackends())('given a restart on $name', (backend) => {
  it('keeps stock changes', async () => {
    const storage = await createTestStorage(backend);
    const water = productIdFor('xiaomai', 'XM-DRK-001');
    const headers = { 'x-tenant-id': 'xiaomai', 'content-type': 'application/json' };
    try {
      const first = await startInventory({ port: 0, ...storage, log: () => {} });
      const adjusted = await fetch(`${first.url}/movements`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          kind: 'adjustment',
          productId: water,
          warehouseId: warehouseIdFor('xiaomai', 'STORE'),
          quantity: -41,
          actor: 'keeper',
          reason: '盘点',
        }),
      });
      expect(adjusted.status).toBe(201);
      await first.close();

      const second = await startInventory({ port: 0, ...storage, log: () => {} });
      try {
        const response = await fetch(`${second.url}/stock/batch`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ productIds: [water] }),
        });
        const body = (await response.json()) as { items: StockLevel[] };
        expect(body.items[0]?.onHand).toBe(247);
      } finally {
        await second.close();
      }
    } finally {
      await storage.dispose();
    }
  });
});
