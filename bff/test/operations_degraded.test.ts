import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, query, signIn, startSystem } from './start_system.js';
import type { GraphqlBody, TestSystem } from './start_system.js';

let system: TestSystem;
beforeAll(async () => {
  system = await startSystem();
});
afterAll(() => system.stop());

interface Operations {
  operations: {
    nodes: { id: string; entityType: string }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    complete: boolean | null;
  } | null;
}

const OPERATIONS = `query Ops($first: Int, $entityType: String) {
  operations(first: $first, entityType: $entityType) {
    nodes { id entityType }
    pageInfo { hasNextPage endCursor }
    complete
  }
}`;

const ADJUST = `mutation Adjust($input: AdjustStockInput!) { adjustStock(input: $input) { onHand } }`;
const RENAME = `mutation Rename($id: ID!, $input: ProductPatchInput!) {
  updateProduct(id: $id, input: $input) { id }
}`;

describe('given the catalog service stops', () => {
  it("lists the other services' operations and names the one missing", async () => {
    const { token } = await signIn(system.bffUrl, 'xiaomai', 'owner');
    // One operation in inventory's log and one in catalog's.
    const first = await query<{
      products: { id: string; name: string }[];
      warehouses: { id: string }[];
    }>(system.bffUrl, token, '{ products(first: 1) { id name } warehouses { id } }');
    const productId = first.data?.products[0]?.id;
    const warehouseId = first.data?.warehouses[0]?.id;
    const adjusted = await query(system.bffUrl, token, ADJUST, {
      variables: { input: { productId, warehouseId, quantity: 1, reason: 'degraded log test' } },
    });
    expect(adjusted.errors).toBeUndefined();
    const renamed = await query(system.bffUrl, token, RENAME, {
      variables: { id: productId, input: { name: first.data?.products[0]?.name } },
    });
    expect(renamed.errors).toBeUndefined();
    const whole = await query<Operations>(system.bffUrl, token, OPERATIONS, {
      variables: { first: 50 },
    });
    expect(whole.errors).toBeUndefined();
    expect(whole.data?.operations?.complete).toBe(true);
    expect(whole.data?.operations?.nodes.some((n) => n.id.startsWith('catalog:'))).toBe(true);

    await system.upstreams.catalog?.close();

    // Another page size than above: not the answer the response cache kept.
    const response = await graphql(system.bffUrl, token, OPERATIONS, { variables: { first: 49 } });
    expect(response.status).toBe(200);
    const { data, errors } = (await response.json()) as GraphqlBody<Operations>;
    const nodes = data?.operations?.nodes ?? [];
    expect(nodes.some((n) => n.entityType === 'stock')).toBe(true);
    expect(nodes.some((n) => n.id.startsWith('catalog:'))).toBe(false);
    expect(data?.operations?.complete).toBeNull();
    expect(errors).toHaveLength(1);
    expect(errors?.[0]?.path).toEqual(['operations', 'complete']);
    expect(errors?.[0]?.message).toContain('catalog');
    expect(errors?.[0]?.extensions).toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      sources: 'catalog',
      requestId: response.headers.get('x-request-id'),
    });

    // Asking only the service that is away has nothing to show: the query fails, coded.
    const only = await query<Operations>(system.bffUrl, token, OPERATIONS, {
      variables: { first: 5, entityType: 'product' },
    });
    expect(only.data?.operations ?? null).toBeNull();
    expect(only.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
  });
});
