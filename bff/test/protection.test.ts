import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, query, signIn, startSystem } from './start_system.js';
import type { TestSystem } from './start_system.js';
import { trustedDocument } from './trusted_documents.js';

// Only identity runs: every request here is refused before any domain service is called.
let system: TestSystem;
let token: string;
beforeAll(async () => {
  system = await startSystem({ services: false, env: { GRAPHQL_MAX_COST: '50' } });
  ({ token } = await signIn(system.bffUrl, 'xiaomai', 'owner'));
});
afterAll(() => system.stop());

async function codeOf(text: string, extra: Record<string, unknown> = {}): Promise<string> {
  const body = await query(system.bffUrl, token, text, extra);
  return body.errors?.[0]?.extensions.code ?? 'none';
}

describe('query limits', () => {
  it('refuses a query nested deeper than 8 levels, before validating it', async () => {
    expect(await codeOf('{ a { b { c { d { e { f { g { h { i } } } } } } } } }')).toBe(
      'DEPTH_LIMIT_EXCEEDED',
    );
  });

  it('counts fields, not fragments, toward the depth, and still refuses depth hidden in fragments', async () => {
    // Five levels of fields, each behind a fragment: ten if fragments counted.
    const shallow =
      'query { ...A } fragment A on Query { productsPage { ...B } } ' +
      'fragment B on ProductConnection { nodes { ...C } } fragment C on Product { stock { ...D } } ' +
      'fragment D on Stock { warehouses { ...E } } fragment E on WarehouseStock { name }';
    expect(await codeOf(shallow)).not.toBe('DEPTH_LIMIT_EXCEEDED');
    const deep = '{ a { ...F } } fragment F on A { b { c { d { e { f { g { h { i } } } } } } } }';
    expect(await codeOf(deep)).toBe('DEPTH_LIMIT_EXCEEDED');
  });

  it('refuses a query over the cost limit (50 in this suite)', async () => {
    const wide =
      '{ productsPage { nodes { id price { list current promotion { name } } ' +
      'stock { onHand available warehouses { name onHand reserved available } } } } }';
    expect(await codeOf(wide)).toBe('COST_LIMIT_EXCEEDED');
  });

  it('refuses more than 15 aliases', async () => {
    const aliases = Array.from({ length: 16 }, (_, i) => `p${i}: ping`).join(' ');
    expect(await codeOf(`{ ${aliases} }`)).toBe('ALIAS_LIMIT_EXCEEDED');
  });

  it('refuses a document with too many tokens', async () => {
    expect(await codeOf(`{ ${'ping '.repeat(2500)} }`)).toBe('TOKEN_LIMIT_EXCEEDED');
  });

  it('refuses introspection in production', async () => {
    expect(await codeOf('{ __schema { types { name } } }')).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('request limits', () => {
  it('refuses a body over 100kb with 413', async () => {
    const response = await graphql(system.bffUrl, token, `{ ping } #${'x'.repeat(120_000)}`);
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'PAYLOAD_TOO_LARGE',
    );
  });

  it('refuses batched operations', async () => {
    const response = await fetch(`${system.bffUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify([{ query: '{ ping }' }, { query: '{ ping }' }]),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'BATCH_NOT_SUPPORTED',
    );
  });
});

describe('trusted documents', () => {
  it('runs a document built from the shop by its id and refuses an unknown id', async () => {
    const known = await query(system.bffUrl, token, '', {
      query: undefined,
      documentId: trustedDocument('ShopCatalogue').id,
    });
    // The catalog is down in this suite: the operation ran and failed upstream, not at lookup.
    expect(known.errors?.[0]?.extensions.code).toBe('UPSTREAM_UNAVAILABLE');
    const unknown = await graphql(system.bffUrl, token, '', {
      query: undefined,
      extensions: { persistedQuery: { sha256Hash: 'f'.repeat(64) } },
    });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe(
      'PERSISTED_QUERY_NOT_FOUND',
    );
  });

  it('refuses the shop fields sent as text, however the text is dressed up', async () => {
    const texts = [
      '{ shopCatalogue { items { id name } } }',
      trustedDocument('ShopCatalogue').text.replace('query ShopCatalogue', 'query Mine'),
      '{ ping ...F } fragment F on Query { all: shopItem(id: "1") { id } }',
      'query { ... on Query { shopItem(id: "1") { id } } }',
      'mutation { placeShopOrder(input: { lines: [] }) { number } }',
    ];
    for (const text of texts) {
      const response = await graphql(system.bffUrl, token, text);
      expect(response.status, text).toBe(403);
      const body = (await response.json()) as { error: { code: string; requestId: string } };
      expect(body.error.code, text).toBe('TRUSTED_DOCUMENT_REQUIRED');
      expect(body.error.requestId).toBeTruthy();
    }
    // Text for everything else still runs: the other apps may send what they like.
    expect((await query(system.bffUrl, token, '{ ping }')).data).toEqual({ ping: true });
  });
});

describe('CSRF', () => {
  it('refuses a cookie request from another site, but not a Bearer one', async () => {
    const { cookie } = await signIn(system.bffUrl, 'xiaomai', 'owner');
    const crossSite = await fetch(`${system.bffUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, origin: 'https://evil.example' },
      body: JSON.stringify({ query: '{ ping }' }),
    });
    expect(crossSite.status).toBe(403);
    expect(((await crossSite.json()) as { error: { code: string } }).error.code).toBe(
      'CSRF_REJECTED',
    );
    const bearer = await graphql(
      system.bffUrl,
      token,
      '{ ping }',
      {},
      {
        origin: 'https://evil.example',
      },
    );
    expect(bearer.status).toBe(200);
    const sameSite = await fetch(`${system.bffUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, origin: system.bffUrl },
      body: JSON.stringify({ query: '{ ping }' }),
    });
    expect(((await sameSite.json()) as { data: unknown }).data).toEqual({ ping: true });
  });

  it('refuses cookie writes from a sibling origin of the same site, by Origin or Sec-Fetch-Site', async () => {
    const { cookie } = await signIn(system.bffUrl, 'xiaomai', 'owner');
    const port = Number(new URL(system.bffUrl).port);
    const siblings: Record<string, string>[] = [
      { origin: `http://127.0.0.1:${port + 1}` },
      { origin: `https://127.0.0.1:${port}` },
      { origin: 'null' },
      { 'sec-fetch-site': 'same-site', origin: `http://127.0.0.1:${port + 1}` },
      { 'sec-fetch-site': 'same-site' },
    ];
    for (const headers of siblings) {
      const response = await fetch(`${system.bffUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, ...headers },
        body: JSON.stringify({ query: '{ ping }' }),
      });
      expect(response.status, JSON.stringify(headers)).toBe(403);
      const body = (await response.json()) as { error: { code: string; requestId: string } };
      expect(body.error.code).toBe('CSRF_REJECTED');
      expect(body.error.requestId).toMatch(/\S/);
    }
    const signOut = await fetch(`${system.bffUrl}/api/session`, {
      method: 'DELETE',
      headers: { cookie, origin: `http://localhost:${port}` },
    });
    expect(signOut.status).toBe(403);
    const sameOrigin = await fetch(`${system.bffUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'sec-fetch-site': 'same-origin' },
      body: JSON.stringify({ query: '{ ping }' }),
    });
    expect(((await sameOrigin.json()) as { data: unknown }).data).toEqual({ ping: true });
  });
});
