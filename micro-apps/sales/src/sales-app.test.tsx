import { MosaicError, createStandInContext } from '@mosaic/build-kit';
import type { GraphQLClient, TrustedDocument } from '@mosaic/build-kit';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SalesApp } from './sales-app.js';
import type { SalesAppProps } from './sales-app.js';

afterEach(cleanup);

const DASHBOARD = {
  dashboard: {
    date: '2025-03-02',
    salesToday: '1234.5',
    orderCount: 7,
    lowStock: [
      {
        id: 'p-1',
        sku: 'DRK-001',
        name: '可乐 330ml',
        unit: '罐',
        stock: { onHand: 3, available: 3 },
      },
    ],
  },
};

const ORDERS = {
  orders: {
    nodes: [
      {
        id: 'o-1',
        number: 'SO-0001',
        status: 'confirmed',
        itemCount: 2,
        total: '12.5',
        createdAt: '2025-03-01T16:30:00Z',
        customer: null,
      },
      {
        id: 'o-2',
        number: 'SO-0002',
        status: 'draft',
        itemCount: 1,
        total: '3',
        createdAt: '2025-03-01T08:00:00Z',
        customer: { id: 'c-1', name: '王小明' },
      },
    ],
    pageInfo: { hasNextPage: true, endCursor: 'o-2' },
  },
};

/** The text of what the app sent: query text, or an imported `.graphql` document. */
function textOf(query: string | TrustedDocument): string {
  return typeof query === 'string' ? query : query.text;
}

/** The app under `/sales` at `path`, answering each query with `answer(query text)`. */
function ctxAt(
  path: string,
  locale: string,
  answer: (query: string) => unknown,
): SalesAppProps['ctx'] {
  window.history.replaceState(null, '', path);
  const graphql: GraphQLClient = {
    request: vi.fn(async (query: string | TrustedDocument) =>
      answer(textOf(query)),
    ) as GraphQLClient['request'],
  };
  return { ...createStandInContext('sales'), basePath: '/sales', locale, graphql };
}

describe('given the owner and the shell in English', () => {
  it('shows the dashboard in English', async () => {
    render(<SalesApp ctx={ctxAt('/sales/dashboard', 'en-US', () => DASHBOARD)} />);

    expect(await screen.findByText('Sales today')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Sales' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Today' })).toBeTruthy();
    expect(screen.getByTestId('sales-today').textContent).toBe('Sales today¥1,234.50');
    expect(screen.getByTestId('order-count').textContent).toBe('Orders today7');
    expect(screen.getByText('Products running low (under 10)')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Start a new order →' })).toBeTruthy();
    const tabs = within(screen.getByRole('navigation', { name: 'Sales' }));
    expect(tabs.getAllByRole('link').map((link) => link.textContent)).toEqual([
      'Dashboard',
      'Orders',
      'New order',
      'Customers',
    ]);
  });

  it('lists orders in English with the kit table, dates in English and load more', async () => {
    render(<SalesApp ctx={ctxAt('/sales/orders', 'en-US', () => ORDERS)} />);

    const table = await screen.findByTestId('order-table');
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((th) => th.textContent?.replace(/[▲▼↕\s]+$/u, ''));
    expect(headers).toEqual(['Number', 'Customer', 'Items', 'Amount', 'Status', 'Placed']);
    const [first, second] = screen.getAllByTestId('order-row');
    expect(within(first as HTMLElement).getByText('Walk-in')).toBeTruthy();
    expect(within(first as HTMLElement).getByText('Confirmed')).toBeTruthy();
    expect(within(first as HTMLElement).getByText('03/02/2025, 00:30')).toBeTruthy();
    expect(within(second as HTMLElement).getByText('Draft')).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Filter by status' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'All' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Load more' })).toBeTruthy();
  });

  it('refuses an order without products in English', async () => {
    render(
      <SalesApp ctx={ctxAt('/sales/orders/new', 'en-US', () => ({ customers: { nodes: [] } }))} />,
    );

    fireEvent.click(screen.getByRole('button', { name: 'Submit and confirm' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Add at least one product');
    expect(screen.getByLabelText('Add products (name, SKU or scan a barcode)')).toBeTruthy();
    expect(screen.getByLabelText('Note (optional)')).toBeTruthy();
  });
});

describe('given the owner and the shell in Chinese', () => {
  it('shows the dashboard in Chinese', async () => {
    render(<SalesApp ctx={ctxAt('/sales/dashboard', 'zh-CN', () => DASHBOARD)} />);

    expect(await screen.findByText('今日销售额')).toBeTruthy();
    expect(screen.getByRole('heading', { name: '今日看板' })).toBeTruthy();
    expect(screen.getByText('库存不足的商品（少于 10）')).toBeTruthy();
    expect(screen.getByText('3 罐')).toBeTruthy();
  });

  it('lists orders in Chinese', async () => {
    render(<SalesApp ctx={ctxAt('/sales/orders', 'zh-CN', () => ORDERS)} />);

    const [first] = await screen.findAllByTestId('order-row');
    expect(within(first as HTMLElement).getByText('散客')).toBeTruthy();
    expect(within(first as HTMLElement).getByText('已确认')).toBeTruthy();
    expect(within(first as HTMLElement).getByText('2025/03/02 00:30')).toBeTruthy();
    expect(screen.getByRole('button', { name: '加载更多' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '新建订单' })).toBeTruthy();
  });

  it('switches to English in place when the shell hands a new locale, without loading again', async () => {
    const ctx = ctxAt('/sales/orders', 'zh-CN', () => ORDERS);
    const { rerender } = render(<SalesApp ctx={ctx} />);
    await screen.findAllByTestId('order-row');
    fireEvent.click(screen.getByRole('button', { name: '草稿' }));
    await screen.findAllByTestId('order-row');

    rerender(<SalesApp ctx={{ ...ctx, locale: 'en-US' }} />);

    expect(screen.getByRole('button', { name: 'Draft' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getAllByText('Confirmed').length).toBeGreaterThan(0);
    expect(ctx.graphql.request).toHaveBeenCalledTimes(2);
  });
});

describe('given a clerk', () => {
  it('sees the forbidden state in the shell language instead of figures', async () => {
    const forbidden = Object.assign(new Error('only the owner may read the dashboard'), {
      code: 'FORBIDDEN',
      requestId: 'req-1',
    });
    render(
      <SalesApp
        ctx={ctxAt('/sales/dashboard', 'en-US', () => {
          throw forbidden;
        })}
      />,
    );

    expect((await screen.findByTestId('forbidden')).textContent).toContain(
      'Only the owner can see sales figures',
    );
    expect(screen.queryByTestId('sales-today')).toBeNull();
  });
});

describe('given a clerk confirming an order whose answer is lost', () => {
  const draft = {
    order: {
      id: 'o-9',
      number: 'SO-0009',
      status: 'draft',
      itemCount: 1,
      total: '3',
      note: null,
      createdBy: 'clerk',
      createdAt: '2025-03-01T08:00:00Z',
      customer: null,
      lines: [],
    },
  };

  function confirmingCtx(locale: string, fail: (attempt: number) => MosaicError | undefined) {
    const keys: unknown[] = [];
    const ctx = ctxAt('/sales/orders/o-9', locale, () => draft);
    ctx.graphql.request = vi.fn(
      async (query: string | TrustedDocument, variables?: Record<string, unknown>) => {
        if (!textOf(query).includes('confirmOrder')) return draft;
        keys.push(variables?.key);
        const error = fail(keys.length);
        if (error) throw error;
        return { confirmOrder: { id: 'o-9', status: 'draft' } };
      },
    ) as GraphQLClient['request'];
    return { ctx, keys };
  }

  it('is told to look at the order rather than to confirm again, in Chinese', async () => {
    const { ctx } = confirmingCtx(
      'zh-CN',
      () => new MosaicError('OUTCOME_UNKNOWN', 'Confirming order SO-0009 was sent but…'),
    );
    render(<SalesApp ctx={ctx} />);
    fireEvent.click(await screen.findByRole('button', { name: '确认订单' }));
    expect(
      await screen.findByText(/订单可能已经确认。请先刷新查看订单 SO-0009 的状态，不要重复确认/),
    ).toBeTruthy();
  });

  it('is told to look at the order in English too', async () => {
    const { ctx } = confirmingCtx(
      'en-US',
      () => new MosaicError('OUTCOME_UNKNOWN', 'Confirming order SO-0009 was sent but…'),
    );
    render(<SalesApp ctx={ctx} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Confirm order' }));
    expect(await screen.findByText(/order SO-0009 may already be confirmed/)).toBeTruthy();
  });

  it('sends the same key when it tries the same confirm again, and a new one after an answer', async () => {
    const { ctx, keys } = confirmingCtx('en-US', (attempt) =>
      attempt === 1 ? new MosaicError('UPSTREAM_UNAVAILABLE', 'sales is down') : undefined,
    );
    render(<SalesApp ctx={ctx} />);
    const button = await screen.findByRole('button', { name: 'Confirm order' });
    fireEvent.click(button);
    await screen.findByText(/sales is down/);
    fireEvent.click(await screen.findByRole('button', { name: 'Confirm order' }));
    await vi.waitFor(() => expect(keys).toHaveLength(2));
    fireEvent.click(await screen.findByRole('button', { name: 'Confirm order' }));
    await vi.waitFor(() => expect(keys).toHaveLength(3));
    expect(keys[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
  });
});
