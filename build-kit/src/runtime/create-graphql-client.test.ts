import { describe, expect, it, vi } from 'vitest';
import { createGraphQLClient } from './create-graphql-client.js';
import { MosaicError } from '../shared/mosaic-error.js';

function jsonResponse(body: unknown, init: ResponseInit = {}): Response {
  return new Response(JSON.stringify(body), {
    ...init,
    headers: { 'content-type': 'application/json', ...init.headers },
  });
}

describe('createGraphQLClient', () => {
  it('posts the query as same-origin JSON and returns data', async () => {
    const fetch = vi.fn(async () => jsonResponse({ data: { products: [] } }));
    const client = createGraphQLClient({ endpoint: '/graphql', fetch });

    const data = await client.request<{ products: unknown[] }>('{ products { id } }', { first: 5 });

    expect(data).toEqual({ products: [] });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/graphql');
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('same-origin');
    expect(JSON.parse(init.body as string)).toEqual({
      query: '{ products { id } }',
      variables: { first: 5 },
    });
  });

  it('marks a query document read-only, and never a mutation or plain text', async () => {
    const fetch = vi.fn(async () => jsonResponse({ data: { ok: true } }));
    const client = createGraphQLClient({ endpoint: '/graphql', fetch });
    const doc = (kind: 'query' | 'mutation') => ({
      id: `sha256:${kind}`,
      operationName: kind === 'query' ? 'Products' : 'AdjustStock',
      text: `${kind} X { ok }`,
      kind,
    });

    await client.request(doc('query'));
    await client.request(doc('mutation'));
    await client.request('{ ok }');

    const marks = fetch.mock.calls.map(
      (call) =>
        ((call as unknown as [string, RequestInit])[1].headers as Record<string, string>)[
          'x-mosaic-read-only'
        ],
    );
    expect(marks).toEqual(['1', undefined, undefined]);
  });

  it('throws the server code and request id on a 401 JSON error', async () => {
    const fetch = vi.fn(async () =>
      jsonResponse(
        { error: { code: 'UNAUTHENTICATED', message: 'sign in first', requestId: 'req-body' } },
        { status: 401, headers: { 'x-request-id': 'req-header' } },
      ),
    );
    const client = createGraphQLClient({ endpoint: '/graphql', fetch });

    const error = await client.request('{ products { id } }').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(MosaicError);
    expect(error).toMatchObject({ code: 'UNAUTHENTICATED', requestId: 'req-body', status: 401 });
  });

  it('uses extensions.code and the x-request-id header for GraphQL errors', async () => {
    const fetch = vi.fn(async () =>
      jsonResponse(
        {
          errors: [{ message: 'inventory is down', extensions: { code: 'UPSTREAM_UNAVAILABLE' } }],
        },
        { headers: { 'x-request-id': 'req-42' } },
      ),
    );
    const client = createGraphQLClient({ endpoint: '/graphql', fetch });

    await expect(client.request('{ products { id } }')).rejects.toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      message: 'inventory is down',
      requestId: 'req-42',
    });
  });

  it('keeps the data of a partial answer on the error', async () => {
    const fetch = vi.fn(async () =>
      jsonResponse({
        errors: [
          {
            message: 'the operation log of catalog did not answer',
            path: ['operations', 'complete'],
            extensions: { code: 'UPSTREAM_UNAVAILABLE', requestId: 'req-9' },
          },
        ],
        data: { operations: { nodes: [{ id: 'inventory:1' }], complete: null } },
      }),
    );
    const client = createGraphQLClient({ endpoint: '/graphql', fetch });

    await expect(client.request('{ operations { nodes { id } complete } }')).rejects.toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      data: { operations: { nodes: [{ id: 'inventory:1' }], complete: null } },
    });
  });

  it('keeps the bad input fields a BAD_USER_INPUT names', async () => {
    const fetch = vi.fn(async () =>
      jsonResponse({
        data: null,
        errors: [
          {
            message: 'body.lines.0.quantity: Too small',
            extensions: {
              code: 'BAD_USER_INPUT',
              requestId: 'req-7',
              fields: [{ path: 'lines.0.quantity', message: 'Too small' }, { path: 3 }],
            },
          },
        ],
      }),
    );
    const client = createGraphQLClient({ endpoint: '/graphql', fetch });

    const error = await client.request('mutation { x }').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(MosaicError);
    expect(error).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'lines.0.quantity', message: 'Too small' }],
    });
  });

  it('sends a persisted document id instead of the query text', async () => {
    const fetch = vi.fn(async () => jsonResponse({ data: { shopCatalogue: { items: [] } } }));
    const client = createGraphQLClient({ endpoint: '/graphql', fetch });

    await client.request(
      'query ShopCatalogue { shopCatalogue { items { id } } }',
      { first: 5 },
      {
        operationName: 'ShopCatalogue',
        documentId: 'sha256:abc',
      },
    );

    const [, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(JSON.parse(init.body as string)).toEqual({
      documentId: 'sha256:abc',
      variables: { first: 5 },
      operationName: 'ShopCatalogue',
    });
  });

  it('sends an imported trusted document by its id and name only', async () => {
    const fetch = vi.fn(async () => jsonResponse({ data: { shopItem: null } }));
    const client = createGraphQLClient({ endpoint: '/graphql', fetch });
    const document = {
      id: 'sha256:def',
      operationName: 'ShopItem',
      text: 'query ShopItem($id: ID!) { shopItem(id: $id) { id } }',
    };

    await client.request(document, { id: '7' });

    const [, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(JSON.parse(init.body as string)).toEqual({
      documentId: 'sha256:def',
      operationName: 'ShopItem',
      variables: { id: '7' },
    });
  });

  it('sends the text once when the BFF does not know the document id', async () => {
    const fetch = vi
      .fn()
      .mockResolvedValueOnce(
        jsonResponse(
          { error: { code: 'PERSISTED_QUERY_NOT_FOUND', message: 'no persisted operation' } },
          { status: 400 },
        ),
      )
      .mockResolvedValueOnce(jsonResponse({ data: { ok: true } }));
    const client = createGraphQLClient({ endpoint: '/graphql', fetch });

    const data = await client.request('{ ok }', undefined, { documentId: 'sha256:new' });

    expect(data).toEqual({ ok: true });
    const bodies = fetch.mock.calls.map(
      ([, init]) => JSON.parse((init as RequestInit).body as string) as unknown,
    );
    expect(bodies).toEqual([{ documentId: 'sha256:new' }, { query: '{ ok }' }]);
  });

  it('reports a network failure as NETWORK_ERROR', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    const client = createGraphQLClient({ endpoint: '/graphql', fetch });

    await expect(client.request('{ products { id } }')).rejects.toMatchObject({
      code: 'NETWORK_ERROR',
    });
  });

  it('reports a non-JSON 502 as HTTP_ERROR with the header request id', async () => {
    const fetch = vi.fn(
      async () =>
        new Response('<html>bad gateway</html>', {
          status: 502,
          headers: { 'x-request-id': 'req-502' },
        }),
    );
    const client = createGraphQLClient({ endpoint: '/graphql', fetch });

    await expect(client.request('{ products { id } }')).rejects.toMatchObject({
      code: 'HTTP_ERROR',
      status: 502,
      requestId: 'req-502',
    });
  });
});
