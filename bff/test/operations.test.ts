import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query, signIn, startSystem } from './start_system.js';
import type { TestSystem } from './start_system.js';

let system: TestSystem;
beforeAll(async () => {
  system = await startSystem();
});
afterAll(() => system.stop());

interface OperationNode {
  id: string;
  operation: string;
  entityType: string;
  entityId: string;
  entityName: string | null;
  userName: string | null;
  before: string | null;
  after: string | null;
  requestId: string | null;
}
interface Operations {
  operations: {
    nodes: OperationNode[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

const OPERATIONS = `query Ops($first: Int, $after: String, $entityType: String, $user: String) {
  operations(first: $first, after: $after, entityType: $entityType, user: $user) {
    nodes { id operation entityType entityId entityName userName before after requestId }
    pageInfo { hasNextPage endCursor }
  }
}`;

async function operationsOf(token: string, variables: Record<string, unknown> = {}) {
  return query<Operations>(system.bffUrl, token, OPERATIONS, { variables });
}

describe('the business-operation log through GraphQL', () => {
  let productId: string;
  let productName: string;

  beforeAll(async () => {
    const owner = await signIn(system.bffUrl, 'xiaomai', 'owner');
    const ids = await query<{
      products: { id: string; name: string }[];
      warehouses: { id: string }[];
    }>(system.bffUrl, owner.token, '{ products(first: 1) { id name } warehouses { id } }');
    productId = ids.data?.products[0]?.id as string;
    productName = ids.data?.products[0]?.name as string;
    for (const [quantity, requestId] of [
      [3, 'oplog-adjust-1'],
      [-1, 'oplog-adjust-2'],
    ] as const) {
      const adjusted = await query(
        system.bffUrl,
        owner.token,
        'mutation A($input: AdjustStockInput!) { adjustStock(input: $input) { onHand } }',
        {
          variables: {
            input: {
              productId,
              warehouseId: ids.data?.warehouses[0]?.id,
              quantity,
              reason: 'recount',
            },
          },
        },
        { 'x-request-id': requestId },
      );
      expect(adjusted.errors).toBeUndefined();
    }
  });

  it('shows the owner who adjusted the stock, with the values before and after', async () => {
    const { token } = await signIn(system.bffUrl, 'xiaomai', 'owner');
    const body = await operationsOf(token, { entityType: 'stock', first: 5 });
    expect(body.errors).toBeUndefined();
    const row = body.data?.operations.nodes.find((n) => n.requestId === 'oplog-adjust-1');
    expect(row).toMatchObject({
      operation: 'stock.adjustment',
      entityType: 'stock',
      entityId: productId,
      entityName: productName,
      userName: 'owner',
    });
    const before = JSON.parse(row?.before ?? 'null') as { onHand: number };
    const after = JSON.parse(row?.after ?? 'null') as { onHand: number };
    expect(after.onHand - before.onHand).toBe(3);
    // Filtered by someone else, it is not there.
    const byClerk = await operationsOf(token, { entityType: 'stock', user: 'clerk' });
    expect(byClerk.data?.operations.nodes.some((n) => n.requestId === 'oplog-adjust-1')).toBe(
      false,
    );
  });

  it('pages newest first across services without showing a row twice', async () => {
    const { token } = await signIn(system.bffUrl, 'xiaomai', 'owner');
    const first = await operationsOf(token, { first: 1 });
    expect(first.data?.operations.nodes).toHaveLength(1);
    expect(first.data?.operations.pageInfo.hasNextPage).toBe(true);
    const second = await operationsOf(token, {
      first: 1,
      after: first.data?.operations.pageInfo.endCursor,
    });
    expect(second.errors).toBeUndefined();
    expect(first.data?.operations.nodes[0]?.requestId).toBe('oplog-adjust-2');
    expect(second.data?.operations.nodes[0]?.requestId).toBe('oplog-adjust-1');
    const forged = await operationsOf(token, { after: 'not-a-cursor' });
    expect(forged.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('pages through rows of several services, each once, newest first', async () => {
    const { token } = await signIn(system.bffUrl, 'xiaomai', 'owner');
    for (const requestId of ['oplog-order-1', 'oplog-order-2']) {
      const order = await query(
        system.bffUrl,
        token,
        'mutation O($input: NewOrderInput!) { createOrder(input: $input) { id } }',
        { variables: { input: { lines: [{ productId, quantity: 1 }] } } },
        { 'x-request-id': requestId },
      );
      expect(order.errors).toBeUndefined();
    }
    const all = (await operationsOf(token, { first: 50 })).data?.operations.nodes ?? [];
    expect(all.map((n) => n.requestId).slice(0, 2)).toEqual(['oplog-order-2', 'oplog-order-1']);
    const paged: string[] = [];
    let after: string | null | undefined;
    do {
      const page = await operationsOf(token, { first: 1, after });
      paged.push(...(page.data?.operations.nodes ?? []).map((n) => n.id));
      after = page.data?.operations.pageInfo.endCursor;
      if (!page.data?.operations.pageInfo.hasNextPage) break;
    } while (paged.length < 60);
    expect(paged).toEqual(all.map((n) => n.id));
  });

  it('refuses a clerk', async () => {
    const { token } = await signIn(system.bffUrl, 'xiaomai', 'clerk');
    const body = await operationsOf(token);
    expect(body.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
  });

  it("never shows another tenant's operations", async () => {
    const { token } = await signIn(system.bffUrl, 'chaye', 'owner');
    const body = await operationsOf(token, { first: 50 });
    expect(body.errors).toBeUndefined();
    expect(body.data?.operations.nodes.some((n) => n.requestId === 'oplog-adjust-1')).toBe(false);
    expect(body.data?.operations.nodes.some((n) => n.entityId === productId)).toBe(false);
  });
});
