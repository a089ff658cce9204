import { createMessageHub } from '@mosaic/build-kit';
import type { GraphQLClient } from '@mosaic/build-kit';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ShopCatalogueData, ShopItem } from './catalogue/catalogue-query.js';
import { ShopApp } from './shop-app.js';
import { greenTea } from './test-fixtures.js';
import type { ShopAppProps } from './shop-app.js';

afterEach(cleanup);
beforeEach(() => {
  window.localStorage.clear();
  window.history.replaceState(null, '', '/shop');
});

const tea: ShopItem = {
  ...greenTea,
  listPrice: '4.00',
  promotion: { id: 'promo-1', name: '第二件半价' },
};
const noodles: ShopItem = {
  ...tea,
  id: 'p-noodles',
  name: '方便面',
  promotion: null,
  inStock: false,
};

/** A context whose bus records the titles the shop gives the shell. */
function contextIn(locale: string, titles: string[] = []): ShopAppProps['ctx'] {
  const catalogue: ShopCatalogueData = {
    shopCatalogue: {
      categories: ['饮料', '零食'],
      items: [tea, noodles],
      pageInfo: { hasNextPage: false, endCursor: null },
    },
  };
  const hub = createMessageHub();
  hub.scope('shell').subscribe('title.set', ({ title }) => titles.push(title));
  return {
    basePath: '/shop',
    navigate: (path) => window.history.pushState(null, '', path),
    bus: hub.scope('shop'),
    graphql: { request: vi.fn(() => Promise.resolve(catalogue)) } as unknown as GraphQLClient,
    tenant: { id: 'xiaomai', name: '小麦便利店' },
    locale,
  };
}

describe('given a shopper reading English', () => {
  it('shows the catalogue and the cart bar in English, names and categories as sent', async () => {
    render(<ShopApp ctx={contextIn('en-US')} />);

    const card = (await screen.findAllByTestId('shop-item'))[0];
    if (!card) throw new Error('no card');
    expect(screen.getByRole('button', { name: '小麦便利店 · Shop' })).toBeTruthy();
    expect(screen.getByLabelText('Search products')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Search' })).toBeTruthy();
    const categories = await screen.findByRole('navigation', { name: 'Categories' });
    expect(within(categories).getByRole('button', { name: 'All' })).toBeTruthy();
    expect(within(categories).getByRole('button', { name: '饮料' })).toBeTruthy();
    expect(card.textContent).toContain('¥3.00');
    expect(card.textContent).toContain('Was ¥4.00');
    expect(card.textContent).toContain('Offer: 第二件半价');
    expect(screen.getByText('Sold out')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Add to cart: 绿茶' }));
    expect(screen.getByTestId('cart-count').textContent).toBe('1');
    expect(screen.getByRole('contentinfo').textContent).toContain('1 in cart · ¥3.00');
    fireEvent.click(screen.getByRole('button', { name: 'View cart' }));

    expect(screen.getByRole('heading', { name: 'Cart' })).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Quantity of 绿茶' })).toBeTruthy();
    expect(screen.getByText(/Items: 1 · Total/)).toBeTruthy();
    expect(screen.getByText('You save ¥1.00')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Check out' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'One fewer 绿茶' }));
    expect(screen.getByRole('heading', { name: 'Your cart is empty' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Start shopping' })).toBeTruthy();
  });

  it('tells the shell the page title in English', () => {
    const titles: string[] = [];
    render(<ShopApp ctx={contextIn('en-US', titles)} />);
    expect(titles).toEqual(['Shop']);
  });
});

describe('given a shopper reading Chinese (the default)', () => {
  it('shows the catalogue and the cart in Chinese', async () => {
    render(<ShopApp ctx={contextIn('zh-CN')} />);

    const card = (await screen.findAllByTestId('shop-item'))[0];
    if (!card) throw new Error('no card');
    expect(screen.getByRole('button', { name: '小麦便利店 · 商城' })).toBeTruthy();
    expect(screen.getByLabelText('搜索商品')).toBeTruthy();
    expect(await screen.findByRole('button', { name: '全部' })).toBeTruthy();
    expect(card.textContent).toContain('原价 ¥4.00');
    expect(card.textContent).toContain('促销: 第二件半价');
    expect(screen.getByText('已售罄')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: '加入购物车 绿茶' }));
    expect(screen.getByRole('contentinfo').textContent).toContain('1 件 · ¥3.00');
    fireEvent.click(screen.getByRole('button', { name: '去购物车' }));

    expect(screen.getByRole('heading', { name: '购物车' })).toBeTruthy();
    expect(screen.getByText(/共 1 件 · 合计/)).toBeTruthy();
    expect(screen.getByText('已省 ¥1.00')).toBeTruthy();
    expect(screen.getByRole('button', { name: '去结算' })).toBeTruthy();
  });

  it('falls back to Chinese for a language it does not speak', async () => {
    render(<ShopApp ctx={contextIn('ja-JP')} />);
    expect(await screen.findByRole('button', { name: '加入购物车 绿茶' })).toBeTruthy();
  });
});

describe('given a language switch', () => {
  it('keeps the cart and the page it is on', async () => {
    const titles: string[] = [];
    const ctx = contextIn('zh-CN', titles);
    const { rerender } = render(<ShopApp ctx={ctx} />);
    fireEvent.click(await screen.findByRole('button', { name: '加入购物车 绿茶' }));
    fireEvent.click(screen.getByRole('button', { name: '去购物车' }));

    rerender(<ShopApp ctx={{ ...ctx, locale: 'en-US' }} />);

    expect(screen.getByRole('heading', { name: 'Cart' })).toBeTruthy();
    expect(screen.getAllByTestId('cart-line')).toHaveLength(1);
    expect(titles).toEqual(['商城', '购物车', 'Cart']);
  });
});
