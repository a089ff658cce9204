import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLossyLink } from './lossy_link.js';
import type { Cut, LossyLink } from './lossy_link.js';
import { query, signIn, startSystem } from './start_system.js';
import type { TestSystem } from './start_system.js';

let system: TestSystem;
let link: LossyLink;
let cut: Cut = 'pass';

beforeAll(async () => {
  // Between the BFF and sales: cuts confirm calls as a failing network would.
  link = await startLossyLink((request) =>
    request.method === 'POST' && /\/confirm$/.test(request.url ?? '') ? cut : 'pass',
  );
  system = await startSystem({ env: { SALES_URL: link.url } });
  link.target = system.upstreams.sales?.url ?? '';
});

afterAll(async () => {
  await system?.stop();
  await link?.close();
});

interface Confirmed {
  confirmOrder: { status: string };
}

async function draftOrder(token: string): Promise<{ id: string; number: string }> {
  const products = await query<{ products: { id: string; stock: { onHand: number } }[] }>(
    system.bffUrl,
    token,
    '{ products(first: 30) { id stock { onHand } } }',
  );
  const product = products.data?.products.find((p) => p.stock.onHand > 3);
  const created = await query<{ createOrder: { id: string; number: string } }>(
    system.bffUrl,
    token,
    'mutation($i: NewOrderInput!) { createOrder(input: $i) { id number } }',
    { variables: { i: { lines: [{ productId: product?.id, quantity: 1 }] } } },
  );
  return created.data?.createOrder as { id: string; number: string };
}

function confirm(token: string, id: string, key: string) {
  return query<Confirmed>(
    system.bffUrl,
    token,
    'mutation($id: ID!, $k: String) { confirmOrder(id: $id, idempotencyKey: $k) { status } }',
    { variables: { id, k: key } },
  );
}

describe('given a confirm whose answer is lost on the way back', () => {
  it('answers confirmed, because the order says it went through', async () => {
    const { token } = await signIn(system.bffUrl, 'xiaomai', 'clerk');
    const order = await draftOrder(token);
    cut = 'after';
    const answer = await confirm(token, order.id, 'lost-answer-1');
    cut = 'pass';
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.confirmOrder.status).toBe('confirmed');
  });
});

describe('given a confirm cut off so the BFF cannot tell whether it arrived', () => {
  it('says OUTCOME_UNKNOWN with the order number, and a retry with the same key settles it', async () => {
    const { token } = await signIn(system.bffUrl, 'xiaomai', 'clerk');
    const order = await draftOrder(token);
    cut = 'before';
    const answer = await confirm(token, order.id, 'cut-1');
    cut = 'pass';
    expect(answer.errors?.[0]?.extensions.code).toBe('OUTCOME_UNKNOWN');
    expect(answer.errors?.[0]?.message).toContain(order.number);

    const retried = await confirm(token, order.id, 'cut-1');
    expect(retried.errors).toBeUndefined();
    expect(retried.data?.confirmOrder.status).toBe('confirmed');
  });
});
