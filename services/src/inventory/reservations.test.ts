import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { productIdFor, warehouseIdFor } from '../shared/ids.js';
import { testBackends } from '../shared/test-storage.js';
import { useService } from '../shared/test-services.js';
import type { Movement, Reservation, StockLevel } from './stock.js';
import { startInventory } from './start-inventory.js';

describe.each(testBackends())('inventory reservations on $name', (backend) => {
  const tea = productIdFor('chaye', 'CY-TEA-004');
  const shop = warehouseIdFor('chaye', 'SHOP');

  const service = useService(backend, (options) =>
    startInventory({ ...options, reservationTtlMs: 400 }),
  );

  async function call(path: string, body?: unknown, tenant = 'chaye'): Promise<Response> {
    return fetch(`${service.url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'x-tenant-id': tenant, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  async function level(productId = tea): Promise<StockLevel> {
    const response = await call('/stock/batch', { productIds: [productId] });
    return ((await response.json()) as { items: StockLevel[] }).items[0] as StockLevel;
  }

  function reserveBody(id: string, quantity: number): unknown {
    return { id, reference: 'SO-T', actor: 'clerk', lines: [{ productId: tea, quantity }] };
  }

  it('holds stock on try and turns it into a recorded sale on confirm', async () => {
    const before = await level();
    const id = randomUUID();
    const reserved = await call('/reservations', reserveBody(id, 2));
    expect(reserved.status).toBe(201);
    expect(await level()).toMatchObject({
      onHand: before.onHand,
      reserved: 2,
      available: before.onHand - 2,
    });
    const committed = await call(`/reservations/${id}/commit`, {});
    expect(((await committed.json()) as Reservation).status).toBe('committed');
    expect(await level()).toMatchObject({ onHand: before.onHand - 2, reserved: 0 });
    const again = await call(`/reservations/${id}/commit`, {});
    expect(again.status).toBe(200);
    const moves = await call(`/movements?productId=${tea}&limit=1`);
    const [sale] = ((await moves.json()) as { items: Movement[] }).items;
    expect(sale).toMatchObject({ kind: 'sale', quantity: -2, actor: 'clerk', reference: 'SO-T' });
  });

  it('gives stock back on cancel, and a second try with the same id changes nothing', async () => {
    const before = await level();
    const id = randomUUID();
    await call('/reservations', reserveBody(id, 3));
    expect((await call('/reservations', reserveBody(id, 3))).status).toBe(200);
    expect((await level()).reserved).toBe(3);
    expect((await call(`/reservations/${id}/release`, {})).status).toBe(200);
    expect(await level()).toMatchObject({ onHand: before.onHand, reserved: 0 });
    expect((await call(`/reservations/${id}/commit`, {})).status).toBe(409);
  });

  it('refuses a try that arrives after its own cancel', async () => {
    const id = randomUUID();
    expect((await call(`/reservations/${id}/release`, {})).status).toBe(200);
    const late = await call('/reservations', reserveBody(id, 1));
    expect(((await late.json()) as Reservation).status).toBe('released');
    expect((await level()).reserved).toBe(0);
  });

  it('answers 409 INSUFFICIENT_STOCK and holds nothing when stock is short', async () => {
    const response = await call('/reservations', reserveBody(randomUUID(), 100_000));
    expect(response.status).toBe(409);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'INSUFFICIENT_STOCK',
    );
    expect((await level()).reserved).toBe(0);
  });

  it('expires a reservation never confirmed and releases its stock', async () => {
    const id = randomUUID();
    await call('/reservations', reserveBody(id, 1));
    expect((await level()).reserved).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 900));
    expect((await level()).reserved).toBe(0);
    const after = await call(`/reservations/${id}`);
    expect(((await after.json()) as Reservation).status).toBe('expired');
    expect((await call(`/reservations/${id}/commit`, {})).status).toBe(409);
    // The sweeper's expiry is in the operation log once, with no user; the refused commit is not.
    const log = (await (await call('/operations?entity=reservation')).json()) as {
      items: { entityId: string; operation: string; userId: string | null }[];
    };
    expect(
      log.items.filter((row) => row.entityId === id).map((row) => [row.operation, row.userId]),
    ).toEqual([
      ['reservation.expire', null],
      ['reservation.create', null],
    ]);
  });

  it("cannot see, confirm or cancel another tenant's reservation by its id", async () => {
    const id = randomUUID();
    await call('/reservations', reserveBody(id, 1));
    expect((await call(`/reservations/${id}`, undefined, 'xiaomai')).status).toBe(404);
    expect((await call(`/reservations/${id}/commit`, {}, 'xiaomai')).status).toBe(404);
    await call(`/reservations/${id}/release`, {}, 'xiaomai');
    expect((await level()).reserved).toBe(1);
    await call(`/reservations/${id}/release`, {});
  });

  it('moves stock between warehouses with two recorded movements', async () => {
    const water = productIdFor('xiaomai', 'XM-DRK-001');
    const store = warehouseIdFor('xiaomai', 'STORE');
    const east = warehouseIdFor('xiaomai', 'DC-EAST');
    const body = {
      productId: water,
      fromWarehouseId: east,
      toWarehouseId: store,
      quantity: 10,
      actor: 'keeper',
      reason: '补货',
    };
    const response = await call('/transfers', body, 'xiaomai');
    expect(response.status).toBe(201);
    const { items } = (await response.json()) as { items: Movement[] };
    expect(items.map((m) => [m.kind, m.quantity])).toEqual([
      ['transfer', -10],
      ['transfer', 10],
    ]);
    const tooMuch = await call('/transfers', { ...body, quantity: 100_000 }, 'xiaomai');
    expect(tooMuch.status).toBe(409);
  });

  it('rejects malformed movements and reservations with 400 naming the field', async () => {
    for (const [path, body, field] of [
      [
        '/movements',
        {
          kind: 'receipt',
          productId: tea,
          warehouseId: shop,
          quantity: -1,
          actor: 'k',
          reason: 'r',
        },
        'body.quantity',
      ],
      [
        '/movements',
        { kind: 'theft', productId: tea, warehouseId: shop, quantity: 1, actor: 'k', reason: 'r' },
        'body.kind',
      ],
      [
        '/reservations',
        { id: 'nope', actor: 'a', lines: [{ productId: tea, quantity: 1 }] },
        'body.id',
      ],
      ['/reservations', { id: randomUUID(), actor: 'a', lines: [] }, 'body.lines'],
    ] as const) {
      const response = await call(path, body);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { message: string } }).error.message).toContain(
        field,
      );
    }
  });

  it('pages the movement history, newest first', async () => {
    const first = (await (await call('/movements?limit=5')).json()) as {
      items: Movement[];
      nextCursor: string;
    };
    const second = (await (await call(`/movements?limit=5&cursor=${first.nextCursor}`)).json()) as {
      items: Movement[];
    };
    expect(first.items).toHaveLength(5);
    expect(Number(second.items[0]?.id)).toBeLessThan(Number(first.items[4]?.id));
  });
});
