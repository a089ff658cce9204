// Test helpers for the suites that run the cache on a store (Redis, Redis Cluster): the reads and
// writes each suite makes against its own store.
import { expect } from 'vitest';
import { query, signIn } from './start_system.js';
import type { GraphqlBody, TestSystem } from './start_system.js';
import { metric } from './system_probes.js';

export interface Stocked {
  products: { id: string; name: string; stock: { onHand: number } | null }[];
}

/** The first 20 products with their stock: the read every cache suite repeats. */
export const STOCKED = '{ products(first: 20) { id name stock { onHand } } }';

/** Both tenants' stock read twice by their owners; the second reads carry `<prefix>-a2`/`-b2`. */
export async function readTwoTenantsTwice(
  system: TestSystem,
  prefix: string,
): Promise<Record<'a1' | 'b1' | 'a2' | 'b2', GraphqlBody<Stocked>>> {
  const xiaomai = await signIn(system.bffUrl, 'xiaomai', 'owner');
  const chaye = await signIn(system.bffUrl, 'chaye', 'owner');
  const a1 = await query<Stocked>(system.bffUrl, xiaomai.token, STOCKED);
  const b1 = await query<Stocked>(system.bffUrl, chaye.token, STOCKED);
  const second = { 'x-request-id': `${prefix}-a2` };
  const a2 = await query<Stocked>(system.bffUrl, xiaomai.token, STOCKED, {}, second);
  const b2 = await query<Stocked>(
    system.bffUrl,
    chaye.token,
    STOCKED,
    {},
    {
      'x-request-id': `${prefix}-b2`,
    },
  );
  return { a1, b1, a2, b2 };
}

/** A keeper's token, the first product and warehouse, and a way to adjust its stock by `quantity`. */
export async function firstProductOfXiaomai(system: TestSystem): Promise<{
  token: string;
  productId: string | undefined;
  adjust(quantity: number, reason: string): Promise<GraphqlBody>;
}> {
  const { token } = await signIn(system.bffUrl, 'xiaomai', 'keeper');
  const ids = await query<{ products: { id: string }[]; warehouses: { id: string }[] }>(
    system.bffUrl,
    token,
    '{ products(first: 1) { id } warehouses { id } }',
  );
  const productId = ids.data?.products[0]?.id;
  const warehouseId = ids.data?.warehouses[0]?.id;
  return {
    token,
    productId,
    adjust: (quantity, reason) =>
      query(
        system.bffUrl,
        token,
        'mutation($i: AdjustStockInput!) { adjustStock(input: $i) { onHand } }',
        { variables: { i: { productId, warehouseId, quantity, reason } } },
      ),
  };
}

/** The store went down once and came back once, as /metrics counts it. */
export async function expectOneOutageAndRecovery(bffUrl: string): Promise<void> {
  const transitions = 'bff_cache_store_transitions_total{store="redis",to=';
  expect(await metric(bffUrl, `${transitions}"down"}`)).toBe(1);
  expect(await metric(bffUrl, `${transitions}"up"}`)).toBe(1);
}
