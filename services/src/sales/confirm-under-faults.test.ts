import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInventory } from '../inventory/start-inventory.js';
import type { Reservation, StockLevel } from '../inventory/stock.js';
import { productIdFor } from '../shared/ids.js';
import type { RunningService } from '../shared/listen.js';
import { createTestStorage, testBackends, type TestStorage } from '../shared/test-storage.js';
import {
  callJson,
  serviceOptions,
  startSalesWith,
  type JsonAnswer,
} from '../shared/test-services.js';
import type { StartServiceOptions } from '../shared/start-service.js';
import { startFaultProxy, type Fault, type FaultProxy } from './fault-proxy.js';
import type { Order } from './order.js';

/**
 * Kills the inventory call at each step of confirm and checks the one invariant that matters:
 * the order ends confirmed with its stock committed, or in draft with no stock held.
 */
describe.each(testBackends())('given inventory fails while confirming, on $name', (backend) => {
  let storage: TestStorage;
  let inventory: RunningService | undefined;
  let proxy: FaultProxy;
  let sales: RunningService;
  const options = (): StartServiceOptions => serviceOptions(storage);

  beforeAll(async () => {
    storage = await createTestStorage(backend);
    inventory = await startInventory(options());
    proxy = await startFaultProxy(inventory.url, async () => {
      await inventory?.close();
      inventory = undefined;
    });
    const timing = { upstreamTimeoutMs: 1000, recoveryIntervalMs: 200 };
    sales = await startSalesWith(options(), proxy.url, timing);
  });

  afterAll(async () => {
    await sales?.close();
    await proxy?.close();
    await inventory?.close();
    await storage?.dispose();
  });

  async function call<T>(base: string, path: string, body?: unknown): Promise<JsonAnswer<T>> {
    return callJson<T>(`${base}${path}`, { body });
  }

  async function onHand(productId: string): Promise<StockLevel> {
    const { body } = await call<{ items: StockLevel[] }>(proxy.target, '/stock/batch', {
      productIds: [productId],
    });
    return body.items[0] as StockLevel;
  }

  /** Asserts the invariant; answers the order's final status. */
  async function expectConsistent(
    order: Order,
    productId: string,
    before: number,
    quantity: number,
  ): Promise<string> {
    const final = (await call<Order>(sales.url, `/orders/${order.id}`)).body;
    const level = await onHand(productId);
    expect(level.reserved).toBe(0);
    if (final.status === 'confirmed') {
      expect(level.onHand).toBe(before - quantity);
      const reservation = await call<Reservation>(
        proxy.target,
        `/reservations/${final.reservationId}`,
      );
      expect(reservation.body.status).toBe('committed');
    } else {
      expect(final.status).toBe('draft');
      expect(final.reservationId).toBeNull();
      expect(level.onHand).toBe(before);
    }
    return final.status;
  }

  async function confirmWith(sku: string, faults: Partial<Record<'reserve' | 'commit', Fault>>) {
    const productId = productIdFor('xiaomai', sku);
    const before = (await onHand(productId)).onHand;
    const created = await call<Order>(sales.url, '/orders', {
      createdBy: 'clerk',
      lines: [{ productId, quantity: 2 }],
    });
    proxy.decide = (method, path) =>
      path === '/reservations' ? faults.reserve : path.endsWith('/commit') ? faults.commit : 'pass';
    const answer = await call<Order>(sales.url, `/orders/${created.body.id}/confirm`, {
      actor: 'clerk',
    });
    proxy.decide = () => 'pass';
    return { order: created.body, answer, productId, before };
  }

  it.each([
    ['the try never reaches inventory', 'XM-SNK-101', { reserve: 'refuse' }, 503, 'draft'],
    ['the try is done but its answer is lost', 'XM-SNK-102', { reserve: 'swallow' }, 503, 'draft'],
    ['the confirm never reaches inventory', 'XM-SNK-103', { commit: 'refuse' }, 503, 'draft'],
    [
      'the confirm is done but its answer is lost',
      'XM-SNK-104',
      { commit: 'swallow' },
      200,
      'confirmed',
    ],
  ] as const)('ends consistent when %s', async (_, sku, faults, status, expected) => {
    const { order, answer, productId, before } = await confirmWith(sku, faults);
    expect(answer.status).toBe(status);
    expect(await expectConsistent(order, productId, before, 2)).toBe(expected);
  });

  it.each([
    ['right after the try', 'XM-SNK-105', { reserve: 'kill' }, 'draft'],
    ['right after the confirm', 'XM-SNK-106', { commit: 'kill' }, 'confirmed'],
  ] as const)(
    'settles the order once inventory restarts when it dies %s',
    async (_, sku, faults, expected) => {
      const productId = productIdFor('xiaomai', sku);
      const { order, answer } = await confirmWith(sku, faults);
      expect(answer.status).toBe(503);
      expect((await call<Order>(sales.url, `/orders/${order.id}`)).body.status).toBe('confirming');
      inventory = await startInventory(options());
      proxy.target = inventory.url;
      // The recovery sweep settles it; no one has to call confirm again.
      await expect
        .poll(async () => (await call<Order>(sales.url, `/orders/${order.id}`)).body.status, {
          timeout: 8000,
          interval: 100,
        })
        .not.toBe('confirming');
      const levelBefore = (await onHand(productId)).onHand + (expected === 'confirmed' ? 2 : 0);
      expect(await expectConsistent(order, productId, levelBefore, 2)).toBe(expected);
    },
  );

  it('confirms normally once inventory answers again', async () => {
    const { order, answer } = await confirmWith('XM-SNK-107', {});
    expect(answer.status).toBe(200);
    expect(answer.body.status).toBe('confirmed');
    expect(order.status).toBe('draft');
  });
});
