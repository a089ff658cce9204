import { createMessageHub, PROTOCOL_VERSION } from '@mosaic/build-kit';
import type { GraphQLClient, HostContext } from '@mosaic/build-kit';
import { act, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mount, unmount, update } from './main.js';
import { greenTea } from './test-fixtures.js';

const container = document.createElement('div');
document.body.append(container);

afterEach(async () => {
  await act(() => unmount({ container }));
  window.localStorage.clear();
});

function hostIn(locale: string): HostContext {
  return {
    protocol: PROTOCOL_VERSION,
    basePath: '/shop',
    tenant: { id: 'xiaomai', name: '小麦便利店' },
    user: { id: 'u-1', username: 'clerk', displayName: '店员', roles: ['clerk'] },
    locale,
    graphql: {
      request: vi.fn(() =>
        Promise.resolve({
          shopCatalogue: {
            categories: [],
            items: [greenTea],
            pageInfo: { hasNextPage: false, endCursor: null },
          },
        }),
      ),
    } as unknown as GraphQLClient,
    navigate: (path) => window.history.pushState(null, '', path),
    bus: createMessageHub().scope('shop'),
  };
}

describe('given the shell switches language while the shop is mounted', () => {
  it('re-renders in English through update, keeping the cart and the page', async () => {
    window.history.replaceState(null, '', '/shop');
    const host = hostIn('zh-CN');
    await act(() => mount({ container, mosaic: host }));
    fireEvent.click(await screen.findByRole('button', { name: '加入购物车 绿茶' }));
    fireEvent.click(screen.getByRole('button', { name: '去购物车' }));

    // As qiankun 2 calls it: the shell's props only, no container.
    await act(() => update?.({ mosaic: { ...host, locale: 'en-US' } }));

    expect(screen.getByRole('heading', { name: 'Cart' })).toBeTruthy();
    expect(screen.getAllByTestId('cart-line')).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Check out' })).toBeTruthy();
  });
});
