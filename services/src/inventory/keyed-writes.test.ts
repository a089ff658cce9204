import { describe, expect, it } from 'vitest';
import { productIdFor, warehouseIdFor } from '../shared/ids.js';
import { testBackends } from '../shared/test-storage.js';
import { useService } from '../shared/test-services.js';
import type { ErrorBody } from '../shared/use-error-handler.js';
import type { Movement, StockLevel } from './stock.js';
import { startInventory } from './start-inventory.js';

/** Adjustments and transfers retried with an Idempotency-Key, over real HTTP and a real database. */
describe.each(testBackends())('keyed stock writes on $name', (backend) => {
  const service = useService(backend, startInventory);
  const store = warehouseIdFor('xiaomai', 'STORE');
  const east = warehouseIdFor('xiaomai', 'DC-EAST');

  function post(path: string, body: unknown, key?: string, tenant = 'xiaomai') {
    return fetch(`${service.url}${path}`, {
      method: 'POST',
      headers: {
        'x-tenant-id': tenant,
        'content-type': 'application/json',
        ...(key === undefined ? {} : { 'idempotency-key': key }),
      },
      body: JSON.stringify(body),
    });
  }

  async function onHand(productId: string, warehouseId: string, tenant = 'xiaomai') {
    const response = await post('/stock/batch', { productIds: [productId] }, undefined, tenant);
    const [level] = ((await response.json()) as { items: StockLevel[] }).items;
    return level?.warehouses.find((w) => w.warehouseId === warehouseId)?.onHand ?? 0;
  }

  const adjustment = (productId: string, quantity: number) => ({
    kind: 'adjustment',
    productId,
    warehouseId: store,
    quantity,
    actor: 'keeper',
    reason: 'stock count',
  });

  describe('given an adjustment sent twice with one key', () => {
    it('adjusts once and answers both with the same movement', async () => {
      const water = productIdFor('xiaomai', 'XM-DRK-002');
      const before = await onHand(water, store);
      const first = await post('/movements', adjustment(water, -3), 'count-2026-12-07-a');
      const retry = await post('/movements', adjustment(water, -3), 'count-2026-12-07-a');
      expect([first.status, retry.status]).toEqual([201, 201]);
      const [a, b] = [(await first.json()) as Movement, (await retry.json()) as Movement];
      expect(b).toEqual(a);
      expect(a.onHandAfter).toBe(before - 3);
      expect(await onHand(water, store)).toBe(before - 3);
      // The business-operation log shows one adjustment, not one per try.
      const log = await fetch(`${service.url}/operations?entity=stock&entityId=${water}`, {
        headers: { 'x-tenant-id': 'xiaomai' },
      });
      const { items } = (await log.json()) as { items: { operation: string }[] };
      expect(items.filter((row) => row.operation === 'stock.adjustment')).toHaveLength(1);
    });

    it('adjusts once when both tries arrive at the same time', async () => {
      const water = productIdFor('xiaomai', 'XM-DRK-003');
      const before = await onHand(water, store);
      const answers = await Promise.all(
        [1, 2, 3].map(() => post('/movements', adjustment(water, 5), 'count-concurrent')),
      );
      const bodies = await Promise.all(answers.map((r) => r.json() as Promise<Movement>));
      expect(answers.map((r) => r.status)).toEqual([201, 201, 201]);
      expect(new Set(bodies.map((m) => m.id)).size).toBe(1);
      expect(await onHand(water, store)).toBe(before + 5);
    });
  });

  it('refuses the same key with another quantity (409) and leaves stock alone', async () => {
    const water = productIdFor('xiaomai', 'XM-DRK-004');
    await post('/movements', adjustment(water, 2), 'count-other-body');
    const after = await onHand(water, store);
    const response = await post('/movements', adjustment(water, 7), 'count-other-body');
    expect(response.status).toBe(409);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.code).toBe('CONFLICT');
    expect(body.error.message).toContain("Idempotency-Key 'count-other-body'");
    expect(await onHand(water, store)).toBe(after);
  });

  it('refuses a malformed key with 400 BAD_REQUEST and adjusts nothing', async () => {
    const water = productIdFor('xiaomai', 'XM-DRK-005');
    const before = await onHand(water, store);
    const response = await post('/movements', adjustment(water, 1), 'has spaces');
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorBody).error.code).toBe('BAD_REQUEST');
    const tooLong = await post('/movements', adjustment(water, 1), 'k'.repeat(129));
    expect(tooLong.status).toBe(400);
    expect(await onHand(water, store)).toBe(before);
  });

  it('answers a retried refusal with the same refusal, even once stock has come in', async () => {
    const water = productIdFor('xiaomai', 'XM-DRK-006');
    const before = await onHand(water, store);
    const take = adjustment(water, -(before + 10));
    const first = await post('/movements', take, 'count-too-much');
    expect(first.status).toBe(409);
    const refusal = (await first.json()) as ErrorBody;
    expect(refusal.error.code).toBe('INSUFFICIENT_STOCK');
    await post('/movements', { ...adjustment(water, 50), kind: 'receipt' });
    const retry = await post('/movements', take, 'count-too-much');
    expect(retry.status).toBe(409);
    expect(((await retry.json()) as ErrorBody).error.message).toBe(refusal.error.message);
    expect(await onHand(water, store)).toBe(before + 50);
  });

  it("keeps tenants' keys apart", async () => {
    const tea = productIdFor('chaye', 'CY-TEA-001');
    const shop = warehouseIdFor('chaye', 'SHOP');
    const before = await onHand(tea, shop, 'chaye');
    const water = productIdFor('xiaomai', 'XM-DAI-001');
    await post('/movements', adjustment(water, 1), 'shared-key');
    const response = await post(
      '/movements',
      { ...adjustment(tea, 4), warehouseId: shop },
      'shared-key',
      'chaye',
    );
    expect(response.status).toBe(201);
    expect(await onHand(tea, shop, 'chaye')).toBe(before + 4);
  });

  describe('given a transfer sent twice with one key', () => {
    const transfer = (productId: string, quantity: number) => ({
      productId,
      fromWarehouseId: east,
      toWarehouseId: store,
      quantity,
      actor: 'keeper',
      reason: 'restock the shop',
    });

    it('moves the stock once and answers both with the same movements', async () => {
      const water = productIdFor('xiaomai', 'XM-DRK-001');
      const [eastBefore, storeBefore] = [await onHand(water, east), await onHand(water, store)];
      const first = await post('/transfers', transfer(water, 6), 'transfer-once');
      const retry = await post('/transfers', transfer(water, 6), 'transfer-once');
      expect([first.status, retry.status]).toEqual([201, 201]);
      const a = (await first.json()) as { items: Movement[] };
      expect(a.items.map((m) => m.quantity)).toEqual([-6, 6]);
      expect(await retry.json()).toEqual(a);
      expect(await onHand(water, east)).toBe(eastBefore - 6);
      expect(await onHand(water, store)).toBe(storeBefore + 6);
    });

    it('refuses the same key with another transfer (409)', async () => {
      const water = productIdFor('xiaomai', 'XM-DRK-001');
      await post('/transfers', transfer(water, 1), 'transfer-other-body');
      const response = await post('/transfers', transfer(water, 2), 'transfer-other-body');
      expect(response.status).toBe(409);
      expect(((await response.json()) as ErrorBody).error.code).toBe('CONFLICT');
    });

    it('refuses a malformed key with 400', async () => {
      const water = productIdFor('xiaomai', 'XM-DRK-001');
      const response = await post('/transfers', transfer(water, 1), '');
      expect(response.status).toBe(400);
      expect(((await response.json()) as ErrorBody).error.code).toBe('BAD_REQUEST');
    });
  });
});
