import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, query, signIn, startSystem } from './start_system.js';
import type { TestSystem } from './start_system.js';

let system: TestSystem;
beforeAll(async () => {
  system = await startSystem({ services: ['catalog', 'inventory'] });
}, 60_000);
afterAll(async () => {
  await system?.stop();
});

const LIST = 'query Lane { products(first: 3) { id name } }';
const DYNAMIC = new Set(['date', 'x-request-id', 'content-length', 'connection', 'keep-alive']);

function staticHeaders(response: Response): Record<string, string> {
  return Object.fromEntries([...response.headers].filter(([name]) => !DYNAMIC.has(name)));
}

function callsOf(requestId: string): number {
  return system.upstreamLog.filter((l) => l.requestId === requestId).length;
}

describe('given an answer the BFF already holds', () => {
  it('answers with the same body and headers as the first time, its own request id, and no upstream call', async () => {
    const { token } = await signIn(system.bffUrl, 'xiaomai', 'owner');
    const first = await graphql(system.bffUrl, token, LIST, {}, { 'x-request-id': 'lane-1' });
    const second = await graphql(system.bffUrl, token, LIST, {}, { 'x-request-id': 'lane-2' });
    expect(second.status).toBe(200);
    expect(await second.text()).toBe(await first.text());
    expect(staticHeaders(second)).toEqual(staticHeaders(first));
    expect(second.headers.get('x-request-id')).toBe('lane-2');
    expect(callsOf('lane-1')).toBeGreaterThan(0);
    expect(callsOf('lane-2')).toBe(0);
  });

  it('still refuses a signed-out token, a forged one, and a cookie from a sibling origin', async () => {
    const { token, cookie } = await signIn(system.bffUrl, 'xiaomai', 'owner');
    await query(system.bffUrl, token, LIST);
    const forged = await graphql(system.bffUrl, `${token.slice(0, -4)}AAAA`, LIST);
    expect(forged.status).toBe(401);
    const sibling = await fetch(`${system.bffUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie,
        origin: 'http://evil.localhost:1234',
        'sec-fetch-site': 'same-site',
      },
      body: JSON.stringify({ query: LIST }),
    });
    expect(sibling.status).toBe(403);
    await fetch(`${system.bffUrl}/api/session`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}` },
    });
    expect((await graphql(system.bffUrl, token, LIST)).status).toBe(401);
  });

  it('never answers another tenant or role with it', async () => {
    const owner = await signIn(system.bffUrl, 'xiaomai', 'owner');
    const keeper = await signIn(system.bffUrl, 'xiaomai', 'keeper');
    const chaye = await signIn(system.bffUrl, 'chaye', 'owner');
    const HISTORY = 'query LaneHistory { stockMovements(first: 1) { nodes { id } } }';
    await query(system.bffUrl, owner.token, HISTORY);
    expect((await query(system.bffUrl, owner.token, HISTORY)).errors).toBeUndefined();
    const theirs = await query<{ products: { id: string }[] }>(system.bffUrl, chaye.token, LIST);
    const ours = await query<{ products: { id: string }[] }>(system.bffUrl, owner.token, LIST);
    expect(theirs.data?.products[0]?.id).not.toBe(ours.data?.products[0]?.id);
    // The keeper may read history too, but gets an answer made for the keeper's roles.
    const clerk = await signIn(system.bffUrl, 'xiaomai', 'clerk');
    expect((await query(system.bffUrl, clerk.token, HISTORY)).errors?.[0]?.extensions.code).toBe(
      'FORBIDDEN',
    );
    expect((await query(system.bffUrl, keeper.token, HISTORY)).errors).toBeUndefined();
  });

  it('hands a body it read but could not answer to the ordinary pipeline', async () => {
    const { token } = await signIn(system.bffUrl, 'xiaomai', 'owner');
    const bad = await fetch(`${system.bffUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: '{"query": ',
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('BAD_REQUEST');
    const miss = await query(system.bffUrl, token, 'query LaneMiss { products(first: 2) { id } }');
    expect(miss.errors).toBeUndefined();
  });
});
