import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorPanel } from './error-panel.js';

afterEach(cleanup);

describe('ErrorPanel', () => {
  it('shows the request id so users can quote it', () => {
    render(<ErrorPanel title="加载失败" message="upstream down" requestId="req-123" />);

    expect(screen.getByRole('alert').textContent).toContain('req-123');
    expect(screen.getByText('upstream down')).toBeTruthy();
  });

  it('calls onRetry when the retry button is pressed', () => {
    const onRetry = vi.fn();
    render(<ErrorPanel title="加载失败" onRetry={onRetry} />);

    fireEvent.click(screen.getByRole('button', { name: '重试' }));

    expect(onRetry).toHaveBeenCalledOnce();
  });

  it('offers no retry button without onRetry', () => {
    render(<ErrorPanel title="加载失败" />);

    expect(screen.queryByRole('button')).toBeNull();
  });
});
