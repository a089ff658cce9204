import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query, signIn, startSystem } from './start_system.js';
import type { TestSystem } from './start_system.js';

let system: TestSystem;
beforeAll(async () => {
  system = await startSystem();
});
afterAll(() => system.stop());

interface Ids {
  products: { id: string }[];
  warehouses: { id: string }[];
}

const IDS = '{ products(first: 1) { id } warehouses { id } }';

function calls(requestId: string, service: string): number {
  return system.upstreamLog.filter((l) => l.requestId === requestId && l.service === service)
    .length;
}

async function adjustAs(username: string, requestId: string) {
  const { token } = await signIn(system.bffUrl, 'xiaomai', username);
  const owner = await signIn(system.bffUrl, 'xiaomai', 'owner');
  const ids = (await query<Ids>(system.bffUrl, owner.token, IDS)).data as Ids;
  return query<{ adjustStock: { onHand: number } }>(
    system.bffUrl,
    token,
    `mutation Adjust($input: AdjustStockInput!) { adjustStock(input: $input) { onHand } }`,
    {
      variables: {
        input: {
          productId: ids.products[0]?.id,
          warehouseId: ids.warehouses[0]?.id,
          quantity: 1,
          reason: 'recount',
        },
      },
    },
    { 'x-request-id': requestId },
  );
}

describe('given a clerk', () => {
  it('cannot adjust stock, and inventory is never asked to', async () => {
    const body = await adjustAs('clerk', 'clerk-adjust');
    expect(body.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    expect(calls('clerk-adjust', 'inventory')).toBe(0);
  });

  it('can read orders with their totals', async () => {
    const { token } = await signIn(system.bffUrl, 'xiaomai', 'clerk');
    const body = await query<{ orders: { nodes: { total: string }[] } }>(
      system.bffUrl,
      token,
      '{ orders(first: 5) { nodes { number total customer { name } lines { quantity amount product { name } } } } }',
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.orders.nodes.length).toBeGreaterThan(0);
    expect(body.data?.orders.nodes[0]?.total).toMatch(/^\d+\.\d{2}$/);
  });
});

describe('given a keeper', () => {
  it('can adjust stock', async () => {
    const body = await adjustAs('keeper', 'keeper-adjust');
    expect(body.errors).toBeUndefined();
    expect(typeof body.data?.adjustStock.onHand).toBe('number');
  });

  it("cannot adjust or transfer stock of a product outside the tenant's catalog", async () => {
    const { token } = await signIn(system.bffUrl, 'xiaomai', 'keeper');
    const ids = (await query<Ids>(system.bffUrl, token, '{ warehouses { id } }')).data as Ids;
    // A tea of chaye: a real product id, but not xiaomai's.
    const chaye = await signIn(system.bffUrl, 'chaye', 'owner');
    const foreign = (await query<Ids>(system.bffUrl, chaye.token, IDS)).data?.products[0]?.id;
    const [from, to] = ids.warehouses.map((w) => w.id);
    const adjusted = await query(
      system.bffUrl,
      token,
      'mutation($i: AdjustStockInput!) { adjustStock(input: $i) { onHand } }',
      { variables: { i: { productId: foreign, warehouseId: from, quantity: 5, reason: 'x' } } },
      { 'x-request-id': 'keeper-foreign-adjust' },
    );
    const transferred = await query(
      system.bffUrl,
      token,
      'mutation($i: TransferStockInput!) { transferStock(input: $i) { onHand } }',
      {
        variables: {
          i: {
            productId: foreign,
            fromWarehouseId: from,
            toWarehouseId: to,
            quantity: 1,
            reason: 'x',
          },
        },
      },
      { 'x-request-id': 'keeper-foreign-transfer' },
    );
    for (const body of [adjusted, transferred]) {
      expect(body.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
      expect(body.errors?.[0]?.extensions.fields).toEqual([
        { path: 'productId', message: expect.stringContaining(String(foreign)) as unknown },
      ]);
    }
    // No phantom stock row: inventory was never asked to write.
    expect(calls('keeper-foreign-adjust', 'inventory')).toBe(0);
    expect(calls('keeper-foreign-transfer', 'inventory')).toBe(0);
  });

  it('cannot see sales figures: orders, customers or the dashboard', async () => {
    const { token } = await signIn(system.bffUrl, 'xiaomai', 'keeper');
    for (const text of [
      '{ orders { nodes { total } } }',
      '{ customers { nodes { name } } }',
      '{ dashboard { salesToday orderCount } }',
    ]) {
      const body = await query(system.bffUrl, token, text, {}, { 'x-request-id': 'keeper-sales' });
      expect(body.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    }
    expect(calls('keeper-sales', 'sales') + calls('keeper-sales', 'party')).toBe(0);
  });
});

describe('given an owner', () => {
  it('sees the dashboard with money as decimal strings', async () => {
    const { token } = await signIn(system.bffUrl, 'xiaomai', 'owner');
    const body = await query<{ dashboard: { salesToday: string; orderCount: number } }>(
      system.bffUrl,
      token,
      '{ dashboard { date salesToday orderCount lowStock(threshold: 1000, first: 3) { name stock { onHand } } } }',
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.dashboard.salesToday).toMatch(/^\d+\.\d{2}$/);
    expect(Number.isInteger(body.data?.dashboard.orderCount)).toBe(true);
  });
});
