import { createServer } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query, signIn, startSystem } from './start_system.js';
import type { TestSystem } from './start_system.js';

/** What the link to sales does with a confirm: pass it, cut it unsent, or send it and lose the answer. */
type Cut = 'pass' | 'before' | 'after';

let system: TestSystem;
let proxy: Server;
let target = '';
let cut: Cut = 'pass';

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

beforeAll(async () => {
  // Between the BFF and sales: cuts confirm calls as a failing network would.
  proxy = createServer((request, response) => {
    void (async () => {
      const body = await readBody(request);
      const confirm = request.method === 'POST' && /\/confirm$/.test(request.url ?? '');
      if (confirm && cut === 'before') return request.socket.destroy();
      const answer = await fetch(`${target}${request.url}`, {
        method: request.method,
        headers: Object.fromEntries(
          Object.entries(request.headers).filter(
            ([name]) => !['host', 'connection', 'content-length'].includes(name),
          ) as [string, string][],
        ),
        body: body.length > 0 ? body.toString('utf8') : undefined,
      });
      const text = await answer.text();
      if (confirm && cut === 'after') return request.socket.destroy();
      response.writeHead(answer.status, { 'content-type': 'application/json' }).end(text);
    })();
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const { port } = proxy.address() as AddressInfo;
  system = await startSystem({ env: { SALES_URL: `http://127.0.0.1:${port}` } });
  target = system.upstreams.sales?.url ?? '';
});

afterAll(async () => {
  await system?.stop();
  await new Promise((resolve) => proxy?.close(resolve));
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
