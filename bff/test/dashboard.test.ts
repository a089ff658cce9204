import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query, signIn, startSystem } from './start_system.js';
import type { TestSystem } from './start_system.js';

let system: TestSystem;
beforeAll(async () => {
  system = await startSystem();
});
afterAll(() => system.stop());

interface Today {
  dashboard: { salesToday: string; orderCount: number };
}

const fen = (money: string): number => Math.round(Number(money) * 100);

async function today(token: string, requestId: string): Promise<Today['dashboard']> {
  const body = await query<Today>(
    system.bffUrl,
    token,
    '{ dashboard { salesToday orderCount } }',
    {},
    { 'x-request-id': requestId },
  );
  expect(body.errors).toBeUndefined();
  if (!body.data) throw new Error('no dashboard');
  return body.data.dashboard;
}

/** Creates an order of a product in stock, confirmed or left a draft; returns its total. */
async function sell(token: string, quantity: number, confirm: boolean): Promise<string> {
  const products = await query<{ products: { id: string; stock: { onHand: number } }[] }>(
    system.bffUrl,
    token,
    '{ products(first: 30) { id stock { onHand } } }',
  );
  const product = products.data?.products.find((p) => p.stock.onHand > quantity);
  if (!product) throw new Error('no product with stock in the demo data');
  const created = await query<{ createOrder: { id: string; total: string } }>(
    system.bffUrl,
    token,
    'mutation($i: NewOrderInput!) { createOrder(input: $i) { id total } }',
    { variables: { i: { lines: [{ productId: product.id, quantity }] } } },
  );
  const order = created.data?.createOrder;
  if (!order) throw new Error(`order not created: ${JSON.stringify(created.errors)}`);
  if (confirm) {
    const confirmed = await query(
      system.bffUrl,
      token,
      `mutation { confirmOrder(id: "${order.id}") { status } }`,
    );
    expect(confirmed.errors).toBeUndefined();
  }
  return order.total;
}

describe("given the owner's dashboard", () => {
  it("counts an order confirmed now in today's sales, and a draft not at all", async () => {
    const { token } = await signIn(system.bffUrl, 'xiaomai', 'owner');
    const before = await today(token, 'dash-before');
    await sell(token, 1, false);
    const total = await sell(token, 2, true);

    const after = await today(token, 'dash-after');
    expect(after.orderCount).toBe(before.orderCount + 1);
    expect(fen(after.salesToday)).toBe(fen(before.salesToday) + fen(total));
  });

  it("asks the sales service for the day's sums once, not for the day's orders", async () => {
    const { token } = await signIn(system.bffUrl, 'xiaomai', 'owner');
    // A text no earlier test sent, so the answer is computed, not taken from the response cache.
    const body = await query(
      system.bffUrl,
      token,
      '{ dashboard { orderCount salesToday } }',
      {},
      { 'x-request-id': 'dash-calls' },
    );
    expect(body.errors).toBeUndefined();
    const calls = system.upstreamLog
      .filter((line) => line.requestId === 'dash-calls' && line.service === 'sales')
      .map((line) => `${String(line.method)} ${String(line.path).split('?')[0]}`);
    expect(calls).toEqual(['GET /reports/sales']);
  });

  it("shows chaye's day without xiaomai's orders", async () => {
    const xiaomai = await signIn(system.bffUrl, 'xiaomai', 'owner');
    const chaye = await signIn(system.bffUrl, 'chaye', 'owner');
    const before = await today(chaye.token, 'dash-chaye-1');
    await sell(xiaomai.token, 1, true);
    expect(await today(chaye.token, 'dash-chaye-2')).toEqual(before);
  });

  it('lists low stock lowest first, from one inventory call, with names from the catalog', async () => {
    const { token } = await signIn(system.bffUrl, 'xiaomai', 'owner');
    const body = await query<{
      dashboard: { lowStock: { id: string; name: string; stock: { onHand: number } }[] };
    }>(
      system.bffUrl,
      token,
      '{ dashboard { lowStock(threshold: 1000000, first: 150) { id name stock { onHand } } } }',
      {},
      { 'x-request-id': 'dash-low' },
    );
    expect(body.errors).toBeUndefined();
    const low = body.data?.dashboard.lowStock ?? [];
    expect(low.length).toBeGreaterThan(3);
    expect(low.length).toBeLessThanOrEqual(100);
    const levels = low.map((product) => product.stock.onHand);
    expect(levels).toEqual([...levels].sort((a, b) => a - b));
    expect(low.every((product) => product.name.length > 0)).toBe(true);
    const inventoryCalls = system.upstreamLog
      .filter((line) => line.requestId === 'dash-low' && line.service === 'inventory')
      .map((line) => String(line.path).split('?')[0]);
    expect(inventoryCalls.filter((path) => path === '/stock/low')).toHaveLength(1);

    // A threshold under the lowest level lists nothing.
    const none = await query<{ dashboard: { lowStock: unknown[] } }>(
      system.bffUrl,
      token,
      `{ dashboard { lowStock(threshold: ${levels[0] ?? 0}) { id } } }`,
    );
    expect(none.errors).toBeUndefined();
    expect(none.data?.dashboard.lowStock).toEqual([]);
  });
});
