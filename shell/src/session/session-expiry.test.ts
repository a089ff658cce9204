import { describe, expect, it, vi } from 'vitest';
import { makeFetchSessionAware, onSessionExpired } from './session-expiry.js';

describe('given a request answered 401', () => {
  it('reports the session as expired and still returns the response', async () => {
    const listener = vi.fn();
    const off = onSessionExpired(listener);
    const fetchImpl = makeFetchSessionAware(async () => new Response('{}', { status: 401 }));

    const response = await fetchImpl('/graphql');

    expect(response.status).toBe(401);
    expect(listener).toHaveBeenCalledOnce();
    off();
  });
});

describe('given a request answered 200', () => {
  it('reports nothing', async () => {
    const listener = vi.fn();
    const off = onSessionExpired(listener);
    await makeFetchSessionAware(async () => new Response('{}'))('/graphql');
    expect(listener).not.toHaveBeenCalled();
    off();
  });
});
