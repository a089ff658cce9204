import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { describeFailure } from './describe-failure.js';
import { useAsync } from './use-async.js';

afterEach(cleanup);

function coded(code: string, requestId: string): Error {
  return Object.assign(new Error('nope'), { name: 'MosaicError', code, requestId });
}

describe('describeFailure', () => {
  it('keeps the code and request id of a coded error', () => {
    expect(describeFailure(coded('UPSTREAM_UNAVAILABLE', 'req-1'))).toEqual({
      message: 'nope',
      code: 'UPSTREAM_UNAVAILABLE',
      requestId: 'req-1',
      forbidden: false,
    });
  });

  it('marks FORBIDDEN as forbidden', () => {
    expect(describeFailure(coded('FORBIDDEN', 'req-2')).forbidden).toBe(true);
  });

  it('copes with things that are not errors', () => {
    expect(describeFailure('boom')).toMatchObject({ message: 'boom', code: undefined });
  });
});

describe('useAsync', () => {
  it('goes from loading to ready', async () => {
    const { result } = renderHook(() => useAsync(() => Promise.resolve(42), []));
    expect(result.current.state.status).toBe('loading');
    await waitFor(() => expect(result.current.state).toEqual({ status: 'ready', data: 42 }));
  });

  it('reports a failure and loads again on retry', async () => {
    let calls = 0;
    const { result } = renderHook(() =>
      useAsync(() => {
        calls += 1;
        return calls === 1 ? Promise.reject(coded('NETWORK_ERROR', 'r')) : Promise.resolve('ok');
      }, []),
    );
    await waitFor(() => expect(result.current.state.status).toBe('error'));
    act(() => result.current.retry());
    await waitFor(() => expect(result.current.state).toEqual({ status: 'ready', data: 'ok' }));
  });
});
