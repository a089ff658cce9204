import type { GraphQLClient } from '@mosaic/build-kit';
import { I18nProvider } from '@mosaic/shared-components';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { messages } from '../messages.js';
import { greenTea } from '../test-fixtures.js';
import { ProductPage } from './product-page.js';

afterEach(cleanup);

const tea = greenTea;
const graphql = { request: vi.fn() } as unknown as GraphQLClient;

describe('given a product page in English', () => {
  it('says how it is sold, counts the quantity and confirms the add', async () => {
    const onAdd = vi.fn();
    render(
      <I18nProvider locale="en-US" messages={messages}>
        <ProductPage id="p-tea" known={tea} graphql={graphql} onAdd={onAdd} onBack={() => {}} />
      </I18nProvider>,
    );

    expect(await screen.findByRole('heading', { name: '绿茶' })).toBeTruthy();
    expect(screen.getByText('饮料 · Sold per 瓶 · In stock')).toBeTruthy();
    expect(screen.getByRole('button', { name: '← Back' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'One more' }));
    expect(screen.getByTestId('product-quantity').textContent).toBe('2');
    fireEvent.click(screen.getByRole('button', { name: 'Add to cart' }));
    expect(onAdd).toHaveBeenCalledWith(expect.objectContaining({ id: 'p-tea' }), 2);
    expect(screen.getByText('Added to cart').getAttribute('role')).toBe('status');
  });

  it('says a sold-out product cannot be bought', async () => {
    render(
      <I18nProvider locale="en-US" messages={messages}>
        <ProductPage
          id="p-tea"
          known={{ ...tea, inStock: false }}
          graphql={graphql}
          onAdd={() => {}}
          onBack={() => {}}
        />
      </I18nProvider>,
    );
    expect(await screen.findByText('Sold out: check back later')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Add to cart' })).toBeNull();
  });
});

describe('given a product page in Chinese', () => {
  it('says how it is sold and offers 加入购物车', async () => {
    render(
      <I18nProvider locale="zh-CN" messages={messages}>
        <ProductPage id="p-tea" known={tea} graphql={graphql} onAdd={() => {}} onBack={() => {}} />
      </I18nProvider>,
    );
    expect(await screen.findByText('饮料 · 按瓶卖 · 有货')).toBeTruthy();
    expect(screen.getByRole('group', { name: '数量' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '加入购物车' })).toBeTruthy();
  });
});
