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

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('given one tenant sending bad searches at 10/s', () => {
  it("keeps another tenant's product lists answering", async () => {
    const attacker = await signIn(system.bffUrl, 'xiaomai', 'clerk');
    const victim = await signIn(system.bffUrl, 'chaye', 'owner');
    const SEARCH = 'query Search($q: String) { products(first: 5, search: $q) { id } }';
    const LIST = 'query List($n: Int) { products(first: $n) { id name } }';
    const bad: Promise<unknown>[] = [];
    const victimErrors: string[] = [];
    for (let i = 0; i < 30; i += 1) {
      bad.push(query(system.bffUrl, attacker.token, SEARCH, { variables: { q: `tea\u0000${i}` } }));
      // A new page size each time, so every list goes to the catalog, not the response cache.
      const list = await query<{ products: unknown[] }>(system.bffUrl, victim.token, LIST, {
        variables: { n: 1 + (i % 20) },
      });
      if (list.errors) victimErrors.push(list.errors.map((e) => e.extensions.code).join());
      await sleep(100);
    }
    await Promise.all(bad);
    expect(victimErrors).toEqual([]);
  });
});

describe('given a client that invents operation names', () => {
  it('keeps /metrics the same size', async () => {
    const { token } = await signIn(system.bffUrl, 'xiaomai', 'owner');
    await query(system.bffUrl, token, 'query Warmup { ping }');
    const seriesOf = async (): Promise<number> =>
      (await (await fetch(`${system.bffUrl}/metrics`)).text())
        .split('\n')
        .filter((line) => line.startsWith('bff_graphql_')).length;
    const before = await seriesOf();
    for (let i = 0; i < 50; i += 1) {
      await query(system.bffUrl, token, `query Made${i}x${Date.now()} { ping }`);
    }
    expect(await seriesOf()).toBe(before);
    const text = await (await fetch(`${system.bffUrl}/metrics`)).text();
    expect(text).toMatch(/bff_graphql_requests_total\{operation="other",outcome="ok"\} \d+/);
  });
});

describe('given wrong input', () => {
  it('answers a wrong variable type with BAD_USER_INPUT, not a server error', async () => {
    const { token } = await signIn(system.bffUrl, 'xiaomai', 'owner');
    const body = await query(
      system.bffUrl,
      token,
      'query Typed($n: Int) { products(first: $n) { id } }',
      { variables: { n: 'twenty' } },
    );
    expect(body.data).toBeNull();
    expect(body.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toMatch(/\$n/);
    expect(body.errors?.[0]?.extensions.fields).toEqual([
      { path: 'n', message: expect.any(String) },
    ]);
  });

  it('names the bad field of an input variable', async () => {
    const { token } = await signIn(system.bffUrl, 'xiaomai', 'keeper');
    const body = await query(
      system.bffUrl,
      token,
      'mutation Bad($input: AdjustStockInput!) { adjustStock(input: $input) { onHand } }',
      { variables: { input: { productId: 'p', warehouseId: 'w', quantity: 'lots', reason: 'x' } } },
    );
    expect(body.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.extensions.fields).toEqual([
      { path: 'quantity', message: expect.any(String) },
    ]);
  });

  it('counts __typename aliases against the alias limit', async () => {
    const { token } = await signIn(system.bffUrl, 'xiaomai', 'owner');
    const aliases = Array.from({ length: 500 }, (_, i) => `a${i}: __typename`).join(' ');
    const response = await graphql(system.bffUrl, token, `query Many { ${aliases} }`);
    const body = (await response.json()) as { errors?: { extensions: { code: string } }[] };
    expect(body.errors?.[0]?.extensions.code).toMatch(/ALIAS_LIMIT_EXCEEDED|TOKEN_LIMIT_EXCEEDED/);
    const few = Array.from({ length: 20 }, (_, i) => `a${i}: __typename`).join(' ');
    const refused = (await (
      await graphql(system.bffUrl, token, `query Few { ${few} }`)
    ).json()) as {
      errors?: { extensions: { code: string } }[];
    };
    expect(refused.errors?.[0]?.extensions.code).toBe('ALIAS_LIMIT_EXCEEDED');
  });
});
