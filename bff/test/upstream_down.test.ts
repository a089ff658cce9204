import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, signIn, startSystem } from './start_system.js';
import type { TestSystem } from './start_system.js';

let system: TestSystem;
beforeAll(async () => {
  system = await startSystem({ services: false });
});
afterAll(() => system.stop());

describe('given the catalog and inventory services are down', () => {
  it('answers GraphQL with UPSTREAM_UNAVAILABLE, not a 500', async () => {
    const { token } = await signIn(system.bffUrl, 'xiaomai', 'owner');
    const response = await graphql(system.bffUrl, token, '{ products { id stock { onHand } } }');
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      data: unknown;
      errors: {
        message: string;
        path: string[];
        extensions: { code: string; requestId: string };
      }[];
    };
    expect(body.data).toBeNull();
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0]?.extensions).toEqual({
      code: 'UPSTREAM_UNAVAILABLE',
      requestId: response.headers.get('x-request-id'),
    });
    expect(body.errors[0]?.path).toEqual(['products']);
    expect(body.errors[0]?.message).toContain('catalog');
  });

  it('is not ready', async () => {
    const response = await fetch(`${system.bffUrl}/readyz`);
    expect(response.status).toBe(503);
    const body = (await response.json()) as { checks: unknown; error: { code: string } };
    expect(body.checks).toMatchObject({
      identity: 'ok',
      catalog: 'unavailable',
      inventory: 'unavailable',
      memory: 'ok',
    });
    expect(body.error.code).toBe('NOT_READY');
  });

  it('is still alive', async () => {
    expect((await fetch(`${system.bffUrl}/healthz`)).status).toBe(200);
  });
});
