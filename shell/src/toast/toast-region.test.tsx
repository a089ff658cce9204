// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { messageHub } from '../bus/message-hub.js';
import { LocaleProvider } from '../i18n/locale-context.js';
import { ToastRegion } from './toast-region.js';

afterEach(cleanup);

describe('given an app that publishes toast.show', () => {
  it('shows the message, and an error as an alert that a click dismisses', async () => {
    render(
      <LocaleProvider>
        <ToastRegion />
      </LocaleProvider>,
    );
    const sales = messageHub.scope('sales');

    act(() => sales.publish('toast.show', { message: '订单已创建', tone: 'success' }));
    expect(screen.getByRole('status')).toHaveProperty('textContent', '订单已创建×');

    act(() => sales.publish('toast.show', { message: '库存不足', tone: 'error' }));
    const alert = screen.getByRole('alert');
    act(() => alert.querySelector('button')?.click());
    expect(screen.queryByRole('alert')).toBeNull();
    sales.dispose();
  });
});
