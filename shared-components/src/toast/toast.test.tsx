import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ToastProvider, useToast } from './toast.js';
import type { ToastOptions } from './toast.js';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function Trigger({ message, options }: { message: string; options?: ToastOptions }) {
  const toast = useToast();
  return <button onClick={() => toast.show(message, options)}>show</button>;
}

describe('Toast', () => {
  it('announces a message politely and hides it after a while', () => {
    vi.useFakeTimers();
    render(
      <ToastProvider>
        <Trigger message="库存已调整" options={{ tone: 'success' }} />
      </ToastProvider>,
    );

    fireEvent.click(screen.getByRole('button', { name: 'show' }));
    expect(screen.getByRole('status').textContent).toContain('库存已调整');

    act(() => vi.advanceTimersByTime(4000));
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('keeps errors as alerts until dismissed', () => {
    vi.useFakeTimers();
    render(
      <ToastProvider>
        <Trigger message="保存失败" options={{ tone: 'error' }} />
      </ToastProvider>,
    );

    fireEvent.click(screen.getByRole('button', { name: 'show' }));
    act(() => vi.advanceTimersByTime(60_000));
    expect(screen.getByRole('alert').textContent).toContain('保存失败');

    fireEvent.click(screen.getByRole('button', { name: '关闭' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows at most three at once', () => {
    render(
      <ToastProvider>
        <Trigger message="m" />
      </ToastProvider>,
    );

    for (let i = 0; i < 5; i++) fireEvent.click(screen.getByRole('button', { name: 'show' }));

    expect(screen.getAllByTestId('toast')).toHaveLength(3);
  });

  it('says how to fix a missing provider', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<Trigger message="m" />)).toThrow(/ToastProvider/);
  });
});
