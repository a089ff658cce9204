import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AsyncView } from './async-view.js';

afterEach(cleanup);

const failure = (code: string) => ({
  message: 'upstream said no',
  code,
  requestId: 'req-9',
  forbidden: code === 'FORBIDDEN',
});

describe('AsyncView', () => {
  it('shows the content once ready', () => {
    render(
      <AsyncView state={{ status: 'ready', data: 'hi' }} onRetry={() => {}} errorTitle="失败">
        {(data) => <p>{data}</p>}
      </AsyncView>,
    );
    expect(screen.getByText('hi')).toBeTruthy();
  });

  it('shows the request id and a retry on error', () => {
    const onRetry = vi.fn();
    render(
      <AsyncView
        state={{ status: 'error', failure: failure('NETWORK_ERROR') }}
        onRetry={onRetry}
        errorTitle="失败"
      >
        {() => null}
      </AsyncView>,
    );
    expect(screen.getByRole('alert').textContent).toContain('req-9');
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it('shows a forbidden state without a retry when the server forbids', () => {
    render(
      <AsyncView
        state={{ status: 'error', failure: failure('FORBIDDEN') }}
        onRetry={() => {}}
        errorTitle="失败"
      >
        {() => null}
      </AsyncView>,
    );
    expect(screen.getByTestId('forbidden').textContent).toContain('req-9');
    expect(screen.queryByRole('button')).toBeNull();
  });
});
