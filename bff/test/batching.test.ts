import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query, signIn, startSystem } from './start_system.js';
import type { TestSystem } from './start_system.js';
import { metric } from './system_probes.js';

interface Row {
  id: string;
  price: { list: string; current: string } | null;
  stock: { onHand: number; warehouses: { name: string; onHand: number }[] } | null;
}

const FIFTY = `query Fifty {
  productsPage(first: 50) {
    nodes {
      id sku name category
      price { list current promotion { name } }
      stock { onHand available warehouses { name onHand } }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

let system: TestSystem;
beforeAll(async () => {
  system = await startSystem({ services: ['catalog', 'inventory', 'pricing'] });
});
afterAll(() => system.stop());

function callsOf(requestId: string): string[] {
  return system.upstreamLog
    .filter((line) => line.requestId === requestId)
    .map((line) => `${line.service} ${line.method} ${line.path}`)
    .sort();
}

describe('given a 50-row products query with price and stock', () => {
  it('calls each service once per kind of lookup, not once per row', async () => {
    const { token } = await signIn(system.bffUrl, 'xiaomai', 'owner');
    const body = await query<{ productsPage: { nodes: Row[] } }>(
      system.bffUrl,
      token,
      FIFTY,
      {},
      { 'x-request-id': 'batch-cold' },
    );
    expect(body.errors).toBeUndefined();
    const rows = body.data?.productsPage.nodes ?? [];
    expect(rows).toHaveLength(50);
    expect(rows.every((r) => r.stock && r.stock.warehouses.length > 0)).toBe(true);
    expect(rows.some((r) => r.price && /^\d+\.\d{2}$/.test(r.price.current))).toBe(true);
    expect(callsOf('batch-cold')).toEqual([
      'catalog GET /products',
      'inventory POST /stock/batch',
      'pricing POST /quotes',
    ]);
  });

  it('answers the same query again from the response cache, calling no service', async () => {
    const { token } = await signIn(system.bffUrl, 'xiaomai', 'owner');
    const before = await metric(system.bffUrl, 'bff_response_cache_total{result="hit"}');
    const body = await query(system.bffUrl, token, FIFTY, {}, { 'x-request-id': 'batch-warm' });
    expect(body.errors).toBeUndefined();
    expect(callsOf('batch-warm')).toEqual([]);
    expect(await metric(system.bffUrl, 'bff_response_cache_total{result="hit"}')).toBe(before + 1);
  });

  it('answers another query over the same rows from the entity cache, calling only the list endpoint', async () => {
    const { token } = await signIn(system.bffUrl, 'xiaomai', 'owner');
    const before = await metric(
      system.bffUrl,
      'bff_cache_lookups_total{type="stock",result="hit"}',
    );
    const other = FIFTY.replace('productsPage(first: 50)', 'productsPage(first: 49)');
    expect(other).not.toBe(FIFTY);
    const body = await query(system.bffUrl, token, other, {}, { 'x-request-id': 'batch-entity' });
    expect(body.errors).toBeUndefined();
    expect(callsOf('batch-entity')).toEqual(['catalog GET /products']);
    const after = await metric(system.bffUrl, 'bff_cache_lookups_total{type="stock",result="hit"}');
    expect(after - before).toBe(49);
  });
});

describe('given the pricing service stops', () => {
  it('still answers with names and stock, and a coded error on each missing price', async () => {
    const { token } = await signIn(system.bffUrl, 'chaye', 'owner');
    await system.upstreams.pricing?.close();
    const body = await query<{ productsPage: { nodes: Row[] } }>(system.bffUrl, token, FIFTY);
    const rows = body.data?.productsPage.nodes ?? [];
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.every((r) => r.price === null && r.stock !== null)).toBe(true);
    expect(body.errors?.length).toBe(rows.length);
    expect(body.errors?.[0]?.extensions.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(body.errors?.[0]?.path).toEqual(['productsPage', 'nodes', 0, 'price']);
  });
});
