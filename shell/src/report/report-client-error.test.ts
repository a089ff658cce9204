import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ShellError } from '../shell-error.js';
import { reportClientError, resetClientErrorThrottle } from './report-client-error.js';

beforeEach(() => {
  resetClientErrorThrottle();
  vi.stubGlobal('location', { pathname: '/inventory/42' });
});

describe('given an app that failed to load', () => {
  it('posts kind, app, code and the failed request id, and returns the report request id', async () => {
    const fetchImpl = vi.fn(
      async () => new Response(null, { status: 204, headers: { 'x-request-id': 'r-report' } }),
    );
    const id = await reportClientError(
      {
        kind: 'load',
        app: 'inventory',
        appVersion: '0.2.0',
        error: new ShellError('APP_FETCH_FAILED', 'GET x answered 404', { requestId: 'r-asset' }),
      },
      fetchImpl,
    );

    expect(id).toBe('r-report');
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/client-errors');
    expect(JSON.parse(String(init.body))).toMatchObject({
      kind: 'load',
      app: 'inventory',
      code: 'APP_FETCH_FAILED',
      requestId: 'r-asset',
      url: '/inventory/42',
    });
  });
});

describe('given a storm of errors', () => {
  it('sends at most ten a minute and never throws', async () => {
    const fetchImpl = vi.fn(async () => new Response(null, { status: 204 }));
    for (let i = 0; i < 15; i++)
      await reportClientError({ kind: 'runtime', error: 'x' }, fetchImpl);
    expect(fetchImpl).toHaveBeenCalledTimes(10);

    resetClientErrorThrottle();
    const failing = vi.fn(async () => Promise.reject(new Error('offline')));
    await expect(reportClientError({ kind: 'runtime', error: 'x' }, failing)).resolves.toBe(
      undefined,
    );
  });
});
