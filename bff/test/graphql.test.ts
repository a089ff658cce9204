import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, signIn, startSystem } from './start_system.js';
import type { TestSystem } from './start_system.js';

interface ProductsBody {
  data: { products: { id: string; sku: string; name: string; stock: { onHand: number } }[] } | null;
  errors?: { message: string; extensions: { code: string; requestId: string; fields?: unknown } }[];
}

const PRODUCTS = '{ products { id sku name category stock { onHand } } }';

let system: TestSystem;
beforeAll(async () => {
  system = await startSystem();
});
afterAll(() => system.stop());

describe('given a signed-in xiaomai owner and a chaye owner', () => {
  it('each sees only their own products, with stock', async () => {
    const xiaomai = await signIn(system.bffUrl, 'xiaomai', 'owner');
    const chaye = await signIn(system.bffUrl, 'chaye', 'owner');
    const a = (await (
      await graphql(system.bffUrl, xiaomai.token, PRODUCTS)
    ).json()) as ProductsBody;
    const b = (await (await graphql(system.bffUrl, chaye.token, PRODUCTS)).json()) as ProductsBody;
    expect(a.errors).toBeUndefined();
    expect(b.errors).toBeUndefined();
    const aIds = new Set(a.data?.products.map((p) => p.id));
    const bIds = b.data?.products.map((p) => p.id) ?? [];
    expect(aIds.size).toBeGreaterThan(10);
    expect(bIds.length).toBeGreaterThan(3);
    expect(bIds.some((id) => aIds.has(id))).toBe(false);
    for (const product of [...(a.data?.products ?? []), ...(b.data?.products ?? [])]) {
      expect(Number.isInteger(product.stock.onHand)).toBe(true);
    }
    expect(a.data?.products.some((p) => p.stock.onHand > 0)).toBe(true);
  });

  it('refuses a mutation marked read-only before it runs, and answers a marked query', async () => {
    const { token } = await signIn(system.bffUrl, 'xiaomai', 'owner');
    const products = (await (await graphql(system.bffUrl, token, PRODUCTS)).json()) as ProductsBody;
    const product = products.data?.products[0];
    const warehouses = (await (
      await graphql(system.bffUrl, token, '{ warehouses { id } }')
    ).json()) as { data: { warehouses: { id: string }[] } };
    const adjust =
      'mutation A($input: AdjustStockInput!) { adjustStock(input: $input) { onHand } }';
    const input = {
      productId: product?.id,
      warehouseId: warehouses.data.warehouses[0]?.id,
      quantity: 1,
      reason: 'marked read-only',
    };
    const marked = { 'x-mosaic-read-only': '1' };
    const refused = await graphql(system.bffUrl, token, adjust, { variables: { input } }, marked);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({
      error: { code: 'BAD_REQUEST', message: expect.stringContaining('marks queries only') },
    });
    const after = (await (
      await graphql(
        system.bffUrl,
        token,
        `
          ${PRODUCTS}
          # after the marked write
        `,
      )
    ).json()) as ProductsBody;
    expect(after.data?.products[0]?.stock.onHand).toBe(product?.stock.onHand);
    const query = await graphql(system.bffUrl, token, PRODUCTS, {}, marked);
    expect(query.status).toBe(200);
    // Unmarked, the same write runs.
    const written = (await (
      await graphql(system.bffUrl, token, adjust, { variables: { input } })
    ).json()) as { data: { adjustStock: { onHand: number } } | null; errors?: unknown };
    expect(written.errors).toBeUndefined();
    expect(written.data?.adjustStock.onHand).toBeGreaterThan(0);
  });

  it('makes at most one call per service, with tracing headers', async () => {
    const { token } = await signIn(system.bffUrl, 'xiaomai', 'owner');
    const requestId = 'graphql-one-call-each';
    const response = await fetch(`${system.bffUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'x-request-id': requestId,
        traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      },
      // Another text than the first test's, so the answer is computed rather than cached.
      body: JSON.stringify({ query: `${PRODUCTS}\n# tracing` }),
    });
    expect(response.status).toBe(200);
    const calls = system.upstreamLog.filter((line) => line.requestId === requestId);
    // The first test warmed the stock cache, so inventory may not be called at all.
    const seen = calls.map((c) => `${c.service} ${c.method} ${c.path}`);
    expect(seen).toContain('catalog GET /products');
    expect(new Set(seen).size).toBe(seen.length);
    expect(
      seen.every((c) => ['catalog GET /products', 'inventory POST /stock/batch'].includes(c)),
    ).toBe(true);
    for (const call of calls) {
      expect(call.tenant).toBe('xiaomai');
      expect(call.traceparent).toMatch(/^00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01$/);
    }
  });

  it('takes the tenant from the session, never from the request', async () => {
    const { token } = await signIn(system.bffUrl, 'chaye', 'owner');
    const requestId = 'graphql-tenant-from-session';
    await fetch(`${system.bffUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'x-request-id': requestId,
        'x-tenant-id': 'xiaomai',
      },
      body: JSON.stringify({
        query: PRODUCTS,
        tenant: 'xiaomai',
        variables: { tenant: 'xiaomai' },
      }),
    });
    const tenants = system.upstreamLog
      .filter((line) => line.requestId === requestId)
      .map((line) => line.tenant);
    expect(tenants.length).toBeGreaterThan(0);
    expect(new Set(tenants)).toEqual(new Set(['chaye']));
  });

  it('accepts the session cookie as well as a Bearer token', async () => {
    const { cookie } = await signIn(system.bffUrl, 'xiaomai', 'clerk');
    const response = await fetch(`${system.bffUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ query: '{ products(first: 3) { sku } }' }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as ProductsBody;
    expect(body.data?.products).toHaveLength(3);
  });

  it('reports bad queries with extensions.code and requestId', async () => {
    const { token } = await signIn(system.bffUrl, 'xiaomai', 'owner');
    const invalid = (await (
      await graphql(system.bffUrl, token, '{ nope }')
    ).json()) as ProductsBody;
    expect(invalid.errors?.[0]?.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(invalid.errors?.[0]?.extensions.requestId).toBeTruthy();
    const syntax = (await (
      await graphql(system.bffUrl, token, '{ products {')
    ).json()) as ProductsBody;
    expect(syntax.errors?.[0]?.extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    const range = (await (
      await graphql(system.bffUrl, token, '{ products(first: 500) { id } }')
    ).json()) as ProductsBody;
    expect(range.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(range.errors?.[0]?.extensions.fields).toEqual([
      { path: 'first', message: '500 is out of range: ask for 1..200' },
    ]);
  });
});

describe('given no session', () => {
  it('answers 401 with a JSON error and calls no upstream', async () => {
    const requestId = 'graphql-no-session';
    const response = await fetch(`${system.bffUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': requestId },
      body: JSON.stringify({ query: PRODUCTS }),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: { code: 'UNAUTHENTICATED', message: expect.any(String), requestId },
    });
    expect(system.upstreamLog.filter((line) => line.requestId === requestId)).toEqual([]);
  });
});

describe('GET /readyz', () => {
  it('reports each service and the cache store', async () => {
    const response = await fetch(`${system.bffUrl}/readyz`);
    const body = (await response.json()) as { checks: Record<string, string> };
    expect(body.checks).toMatchObject({
      identity: 'ok',
      catalog: 'ok',
      inventory: 'ok',
      memory: 'ok',
    });
  });
});
