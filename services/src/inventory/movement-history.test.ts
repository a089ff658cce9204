import { describe, expect, it } from 'vitest';
import { productIdFor, warehouseIdFor } from '../shared/ids.js';
import { testBackends } from '../shared/test-storage.js';
import { useService } from '../shared/test-services.js';
import type { Movement, StockLevel } from './stock.js';
import { startInventory } from './start-inventory.js';

describe.each(testBackends())('given a stock history past id 1000 on $name', (backend) => {
  // The demo seed gives xiaomai movements with ids on both sides of 1000, interleaved with
  // chaye's; as text, '999' sorts after '1500', which is how today's movements went missing.
  const tenant = 'xiaomai';
  const water = productIdFor(tenant, 'XM-DRK-001');
  const written = 1_050;
  const service = useService(backend, startInventory);

  function call(path: string, init: RequestInit = {}): Promise<Response> {
    return fetch(`${service.url}${path}`, {
      ...init,
      headers: { 'content-type': 'application/json', 'x-tenant-id': tenant },
    });
  }

  async function walk(filter: string, limit: number): Promise<Movement[]> {
    const seen: Movement[] = [];
    let cursor: string | null = null;
    do {
      const after: string = cursor ? `&cursor=${cursor}` : '';
      const response = await call(`/movements?limit=${limit}${filter}${after}`);
      expect(response.status).toBe(200);
      const page = (await response.json()) as { items: Movement[]; nextCursor: string | null };
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return seen;
  }

  it('lists every movement once, newest first, across all pages', async () => {
    for (let i = 1; i <= written; i += 1) {
      const response = await call('/movements', {
        method: 'POST',
        body: JSON.stringify({
          kind: 'receipt',
          productId: water,
          warehouseId: warehouseIdFor(tenant, 'STORE'),
          quantity: 1,
          actor: 'keeper',
          reason: `delivery ${i}`,
        }),
      });
      expect(response.status).toBe(201);
    }

    const history = await walk('', 200);
    const ids = history.map((m) => Number(m.id));
    // Strictly decreasing: newest first and no row twice.
    expect(ids.every((id, i) => i === 0 || id < (ids[i - 1] as number))).toBe(true);
    expect(ids.some((id) => id < 1000)).toBe(true);
    expect(ids.some((id) => id >= 1000)).toBe(true);
    expect(history.slice(0, written).map((m) => m.reason)).toEqual(
      Array.from({ length: written }, (_, i) => `delivery ${written - i}`),
    );
    // Another page size walks the very same rows: pages neither skip nor repeat any.
    expect((await walk('', 37)).map((m) => m.id)).toEqual(history.map((m) => m.id));

    // The product's own history still adds up to its stock level.
    const own = await walk(`&productId=${water}`, 200);
    expect(own.slice(0, written).every((m) => m.productId === water)).toBe(true);
    const batch = await call('/stock/batch', {
      method: 'POST',
      body: JSON.stringify({ productIds: [water] }),
    });
    const [level] = ((await batch.json()) as { items: StockLevel[] }).items;
    expect(own.reduce((sum, m) => sum + m.quantity, 0)).toBe(level?.onHand);
  }, 180_000);
});
