import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLossyLink } from './lossy_link.js';
import type { LossyLink } from './lossy_link.js';
import { startRedis } from './start_redis.js';
import type { TestRedis } from './start_redis.js';
import { query, signIn, startSystem } from './start_system.js';
import type { TestSystem } from './start_system.js';

/** Stock writes and product creation retried with an idempotencyKey, through the BFF and Redis. */
let redis: TestRedis;
let system: TestSystem;
let link: LossyLink;
/** How many of the next POST /movements the link to inventory runs but loses the answer of. */
let loseAnswers = 0;

beforeAll(async () => {
  link = await startLossyLink((request) => {
    if (request.method !== 'POST' || request.url !== '/movements' || loseAnswers === 0) {
      return 'pass';
    }
    loseAnswers -= 1;
    return 'after';
  });
  redis = await startRedis();
  system = await startSystem({ env: { REDIS_URL: redis.url, INVENTORY_URL: link.url } });
  link.target = system.upstreams.inventory?.url ?? '';
});

afterAll(async () => {
  await system?.stop();
  await redis?.stop();
  await link?.close();
});

interface Ids {
  products: { id: string; stock: { onHand: number } }[];
  warehouses: { id: string }[];
}

const ADJUST =
  'mutation($i: AdjustStockInput!, $k: String) { adjustStock(input: $i, idempotencyKey: $k) { onHand } }';

async function setUp(index: number) {
  const { token } = await signIn(system.bffUrl, 'xiaomai', 'keeper');
  const ids = (
    await query<Ids>(
      system.bffUrl,
      token,
      '{ products(first: 10) { id stock { onHand } } warehouses { id } }',
    )
  ).data as Ids;
  const product = ids.products[index];
  const onHand = async (): Promise<number> => {
    const body = await query<{ product: { stock: { onHand: number } } }>(
      system.bffUrl,
      token,
      'query($id: ID!) { product(id: $id) { stock { onHand } } }',
      { variables: { id: product?.id } },
    );
    return body.data?.product.stock.onHand ?? Number.NaN;
  };
  const adjust = (quantity: number, key?: string) =>
    query<{ adjustStock: { onHand: number } }>(system.bffUrl, token, ADJUST, {
      variables: {
        i: { productId: product?.id, warehouseId: ids.warehouses[1]?.id, quantity, reason: '盘点' },
        k: key,
      },
    });
  return { token, onHand, adjust };
}

describe('given a keeper who presses Save twice with one idempotencyKey', () => {
  it('adjusts stock once, and both answers show the same on-hand', async () => {
    const { onHand, adjust } = await setUp(1);
    const before = await onHand();
    const first = await adjust(4, 'save-2026-12-07-1');
    const again = await adjust(4, 'save-2026-12-07-1');
    expect(first.errors).toBeUndefined();
    expect(again.errors).toBeUndefined();
    expect(first.data?.adjustStock.onHand).toBe(before + 4);
    expect(again.data?.adjustStock.onHand).toBe(before + 4);
    expect(await onHand()).toBe(before + 4);
  });

  it('is told CONFLICT when the key comes back with another quantity', async () => {
    const { onHand, adjust } = await setUp(2);
    await adjust(1, 'save-2026-12-07-2');
    const after = await onHand();
    const other = await adjust(2, 'save-2026-12-07-2');
    expect(other.errors?.[0]?.extensions.code).toBe('CONFLICT');
    expect(await onHand()).toBe(after);
  });
});

describe('given an adjustment whose answer from inventory is lost', () => {
  it('is resent by the BFF with the same key and adjusts once', async () => {
    const { onHand, adjust } = await setUp(3);
    const before = await onHand();
    loseAnswers = 1;
    const body = await adjust(-2);
    expect(body.errors).toBeUndefined();
    expect(body.data?.adjustStock.onHand).toBe(before - 2);
    expect(await onHand()).toBe(before - 2);
  });

  it('is OUTCOME_UNKNOWN when the resend is lost too, and the same key then adjusts once', async () => {
    const { onHand, adjust } = await setUp(4);
    const before = await onHand();
    loseAnswers = 2;
    const lost = await adjust(3, 'save-2026-12-07-3');
    expect(lost.errors?.[0]?.extensions.code).toBe('OUTCOME_UNKNOWN');
    const retry = await adjust(3, 'save-2026-12-07-3');
    expect(retry.errors).toBeUndefined();
    expect(retry.data?.adjustStock.onHand).toBe(before + 3);
    expect(await onHand()).toBe(before + 3);
  });
});

describe('given a product created twice with one idempotencyKey', () => {
  it('makes one product and answers both with it', async () => {
    const { token } = await signIn(system.bffUrl, 'xiaomai', 'keeper');
    const create = () =>
      query<{ createProduct: { id: string; sku: string } }>(
        system.bffUrl,
        token,
        'mutation($i: NewProductInput!, $k: String) { createProduct(input: $i, idempotencyKey: $k) { id sku } }',
        {
          variables: {
            i: { sku: 'XM-IDEM-001', name: '试饮装', category: '饮料', unit: '瓶' },
            k: 'new-product-2026-12-07',
          },
        },
      );
    const first = await create();
    const again = await create();
    expect(first.errors).toBeUndefined();
    expect(again.errors).toBeUndefined();
    expect(again.data?.createProduct).toEqual(first.data?.createProduct);
  });
});
