import { createMessageHub } from '@mosaic/build-kit';
import type { GraphQLClient } from '@mosaic/build-kit';
import { I18nProvider } from '@mosaic/shared-components';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CartLine } from '../cart/cart.js';
import type { UseCartResult } from '../cart/use-cart.js';
import { messages } from '../messages.js';
import { CartPage } from './cart-page.js';

afterEach(cleanup);

const tea: CartLine = {
  id: 'p-tea',
  name: '绿茶',
  unit: '瓶',
  image: null,
  price: '3.00',
  listPrice: '3.00',
  promotion: null,
  quantity: 2,
};

function cartOf(lines: CartLine[]): UseCartResult {
  return { lines, add: vi.fn(), setQuantity: vi.fn(), clear: vi.fn() };
}

function refusing(message: string, code: string): GraphQLClient {
  const error = Object.assign(new Error(message), { code, requestId: 'req-7' });
  return { request: vi.fn(() => Promise.reject(error)) } as unknown as GraphQLClient;
}

describe('given a checkout the BFF refuses, in English', () => {
  it('shows the failure with its request id and a retry', async () => {
    render(
      <I18nProvider locale="en-US" messages={messages}>
        <CartPage
          cart={cartOf([tea])}
          graphql={refusing('the shop is closed', 'UPSTREAM_ERROR')}
          bus={createMessageHub().scope('shop')}
          onShop={() => {}}
        />
      </I18nProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Check out' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not place the order');
    expect(alert.textContent).toContain('the shop is closed');
    expect(alert.textContent).toContain('Request ID: req-7');
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
  });

  it('puts a stock refusal on the line it names', async () => {
    render(
      <I18nProvider locale="en-US" messages={messages}>
        <CartPage
          cart={cartOf([tea])}
          graphql={refusing('绿茶: 1 available, 2 requested', 'INSUFFICIENT_STOCK')}
          bus={createMessageHub().scope('shop')}
          onShop={() => {}}
        />
      </I18nProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Check out' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Not enough stock: 绿茶: 1 available, 2 requested');
    expect(screen.getByText('req-7')).toBeTruthy();
  });
});

describe('given an empty cart in Chinese', () => {
  it('says so and offers 去逛逛', () => {
    render(
      <I18nProvider locale="zh-CN" messages={messages}>
        <CartPage
          cart={cartOf([])}
          graphql={refusing('unused', 'X')}
          bus={createMessageHub().scope('shop')}
          onShop={() => {}}
        />
      </I18nProvider>,
    );
    expect(screen.getByRole('heading', { name: '购物车是空的' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '去逛逛' })).toBeTruthy();
  });
});
