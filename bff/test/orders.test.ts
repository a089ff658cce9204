import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query, signIn, startSystem } from './start_system.js';
import type { TestSystem } from './start_system.js';
import { trustedDocument } from './trusted_documents.js';

let system: TestSystem;
beforeAll(async () => {
  system = await startSystem();
});
afterAll(() => system.stop());

interface Stocked {
  products: { id: string; price: { current: string } | null; stock: { onHand: number } }[];
}

const STOCKED = '{ products(first: 30) { id price { current } stock { onHand } } }';

async function stockedProduct(token: string) {
  const body = await query<Stocked>(system.bffUrl, token, STOCKED);
  const product = body.data?.products.find((p) => p.stock.onHand > 5 && p.price);
  if (!product) throw new Error('no priced product with stock in the demo data');
  return product;
}

async function onHandOf(token: string, id: string): Promise<number | undefined> {
  const body = await query<Stocked>(system.bffUrl, token, STOCKED);
  return body.data?.products.find((p) => p.id === id)?.stock.onHand;
}

describe('given a clerk selling two units', () => {
  it('creates a draft, confirms it, and the next stock read shows two fewer', async () => {
    const { token } = await signIn(system.bffUrl, 'xiaomai', 'clerk');
    const product = await stockedProduct(token);
    const created = await query<{ createOrder: { id: string; status: string; total: string } }>(
      system.bffUrl,
      token,
      'mutation($i: NewOrderInput!) { createOrder(input: $i) { id status total } }',
      { variables: { i: { lines: [{ productId: product.id, quantity: 2 }] } } },
    );
    expect(created.errors).toBeUndefined();
    expect(created.data?.createOrder.status).toBe('draft');
    expect(created.data?.createOrder.total).toMatch(/^\d+\.\d{2}$/);

    const confirmed = await query<{ confirmOrder: { status: string } }>(
      system.bffUrl,
      token,
      `mutation { confirmOrder(id: "${created.data?.createOrder.id}") { status } }`,
    );
    expect(confirmed.errors).toBeUndefined();
    expect(confirmed.data?.confirmOrder.status).toBe('confirmed');
    expect(await onHandOf(token, product.id)).toBe(product.stock.onHand - 2);
  });
});

describe('given a clerk who mistypes a quantity', () => {
  it('is told which line and field the sales service refused', async () => {
    const { token } = await signIn(system.bffUrl, 'xiaomai', 'clerk');
    const product = await stockedProduct(token);
    const created = await query<{ createOrder: { id: string } }>(
      system.bffUrl,
      token,
      'mutation($i: NewOrderInput!) { createOrder(input: $i) { id } }',
      {
        variables: {
          i: {
            lines: [
              { productId: product.id, quantity: 1 },
              { productId: product.id, quantity: 0 },
            ],
          },
        },
      },
    );
    const error = created.errors?.[0];
    expect(error?.extensions.code).toBe('BAD_USER_INPUT');
    expect(error?.extensions.fields).toEqual([
      { path: 'lines.1.quantity', message: expect.stringMatching(/>=\s*1/) as unknown },
    ]);
  });
});

describe("given a clerk opening a customer's page", () => {
  it("lists only that customer's orders", async () => {
    const { token } = await signIn(system.bffUrl, 'xiaomai', 'clerk');
    type Orders = { orders: { nodes: { customer: { id: string } | null }[] } };
    const recent = await query<Orders>(
      system.bffUrl,
      token,
      '{ orders(first: 50) { nodes { customer { id } } } }',
    );
    const customerId = recent.data?.orders.nodes.find((o) => o.customer)?.customer?.id;
    expect(customerId, 'a seeded order with a customer').toBeTruthy();
    const theirs = await query<Orders>(
      system.bffUrl,
      token,
      'query($c: ID) { orders(first: 50, customerId: $c) { nodes { customer { id } } } }',
      { variables: { c: customerId } },
    );
    expect(theirs.errors).toBeUndefined();
    expect(theirs.data?.orders.nodes.length).toBeGreaterThan(0);
    expect(theirs.data?.orders.nodes.every((o) => o.customer?.id === customerId)).toBe(true);
  });
});

describe('given a shopper opening a product page by link', () => {
  it('reads that one item of the shop, or null for an id the shop does not have', async () => {
    const { token } = await signIn(system.bffUrl, 'xiaomai', 'clerk');
    const product = await stockedProduct(token);
    const shopItem = trustedDocument('ShopItem');
    const found = await query<{ shopItem: { id: string; price: string | null } | null }>(
      system.bffUrl,
      token,
      '',
      { query: undefined, documentId: shopItem.id, variables: { id: product.id } },
    );
    expect(found.errors).toBeUndefined();
    expect(found.data?.shopItem).toMatchObject({ id: product.id, price: product.price?.current });

    const missing = await query<{ shopItem: unknown }>(system.bffUrl, token, '', {
      query: undefined,
      documentId: shopItem.id,
      variables: { id: '00000000-0000-4000-8000-000000000000' },
    });
    expect(missing.errors).toBeUndefined();
    expect(missing.data?.shopItem).toBeNull();
  });
});

describe('given a shopper using the shop', () => {
  it('places an order by the id of the trusted document built from the shop', async () => {
    const { token } = await signIn(system.bffUrl, 'xiaomai', 'clerk');
    const product = await stockedProduct(token);
    const documentId = trustedDocument('PlaceShopOrder').id;
    const placed = await query<{ placeShopOrder: { status: string; total: string } }>(
      system.bffUrl,
      token,
      '',
      {
        query: undefined,
        documentId,
        variables: { input: { lines: [{ productId: product.id, quantity: 1 }] } },
      },
    );
    expect(placed.errors).toBeUndefined();
    expect(placed.data?.placeShopOrder.status).toBe('confirmed');
    expect(placed.data?.placeShopOrder.total).toBe(product.price?.current);
  });
});

describe('given a clerk whose connection drops and who sends the same write again', () => {
  it('gets the one order the first create made, and a retried confirm takes the stock once', async () => {
    const { token } = await signIn(system.bffUrl, 'xiaomai', 'clerk');
    const product = await stockedProduct(token);
    const create = () =>
      query<{ createOrder: { id: string; number: string } }>(
        system.bffUrl,
        token,
        'mutation($i: NewOrderInput!, $k: String) { createOrder(input: $i, idempotencyKey: $k) { id number } }',
        {
          variables: { i: { lines: [{ productId: product.id, quantity: 1 }] }, k: 'bff-create-1' },
        },
      );
    const first = await create();
    const retried = await create();
    expect(first.errors).toBeUndefined();
    expect(retried.data?.createOrder).toEqual(first.data?.createOrder);
    // The key reached the sales service: it knows the order by it.
    const byKey = await fetch(`${system.upstreams.sales?.url}/orders/by-key/bff-create-1`, {
      headers: { 'x-tenant-id': 'xiaomai' },
    });
    expect(((await byKey.json()) as { number: string }).number).toBe(
      first.data?.createOrder.number,
    );

    const confirm = () =>
      query<{ confirmOrder: { status: string } }>(
        system.bffUrl,
        token,
        'mutation($id: ID!, $k: String) { confirmOrder(id: $id, idempotencyKey: $k) { status } }',
        { variables: { id: first.data?.createOrder.id, k: 'bff-confirm-1' } },
      );
    expect((await confirm()).data?.confirmOrder.status).toBe('confirmed');
    expect((await confirm()).data?.confirmOrder.status).toBe('confirmed');
    expect(await onHandOf(token, product.id)).toBe(product.stock.onHand - 1);
  });
});

describe('given a shopper checking out more than the shop has', () => {
  it('is refused and no order is left behind', async () => {
    const { token } = await signIn(system.bffUrl, 'xiaomai', 'clerk');
    const product = await stockedProduct(token);
    const newest = async () =>
      (
        await query<{ orders: { nodes: { number: string }[] } }>(
          system.bffUrl,
          token,
          '{ orders(first: 1) { nodes { number } } }',
        )
      ).data?.orders.nodes[0]?.number;
    const before = await newest();
    const placed = await query(system.bffUrl, token, '', {
      query: undefined,
      documentId: trustedDocument('PlaceShopOrder').id,
      variables: {
        input: { lines: [{ productId: product.id, quantity: 10_000 }] },
        idempotencyKey: 'bff-shop-1',
      },
    });
    expect(placed.errors?.[0]?.extensions.code).toBe('INSUFFICIENT_STOCK');
    expect(await newest()).toBe(before);
    expect(await onHandOf(token, product.id)).toBe(product.stock.onHand);
  });
});
