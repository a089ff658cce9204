import type { Bus, GraphQLClient } from '@mosaic/build-kit';
import {
  AsyncView,
  Button,
  EmptyState,
  FormError,
  useAsync,
  useLoadMore,
  useT,
} from '@mosaic/shared-components';
import type { ListPage } from '@mosaic/shared-components';
import { useEffect, useState } from 'react';
import { ORDERS_QUERY, statusLabelKey } from './orders-query.js';
import type { OrderStatus, OrderSummary, OrdersData } from './orders-query.js';
import { OrderTable } from './order-table.js';

export interface OrderListPageProps {
  graphql: GraphQLClient;
  bus: Bus;
  go: (path: string) => void;
}

const FILTERS: (OrderStatus | 'all')[] = ['all', 'draft', 'confirmed', 'shipped', 'cancelled'];
const PAGE_SIZE = 20;

function toPage(orders: OrdersData['orders']): ListPage<OrderSummary> {
  return {
    items: orders.nodes,
    cursor: orders.pageInfo.endCursor,
    hasNext: orders.pageInfo.hasNextPage,
  };
}

/** Orders newest first, filtered by status, 20 at a time with 「加载更多」. */
export function OrderListPage({ graphql, bus, go }: OrderListPageProps): React.JSX.Element {
  const t = useT();
  const [status, setStatus] = useState<OrderStatus | 'all'>('all');
  const { state, retry } = useAsync(
    (signal) =>
      graphql.request<OrdersData>(
        ORDERS_QUERY,
        { first: PAGE_SIZE, status: status === 'all' ? null : status },
        { signal },
      ),
    [graphql, status],
  );
  const { pages, loadMore, loading, failure } = useLoadMore<OrderSummary>(
    (cursor) =>
      graphql
        .request<OrdersData>(ORDERS_QUERY, {
          first: PAGE_SIZE,
          after: cursor,
          status: status === 'all' ? null : status,
        })
        .then(({ orders }) => toPage(orders)),
    state,
  );
  // Another app (the shop) placed an order: show it.
  useEffect(() => bus.subscribe('order.created', () => retry()), [bus, retry]);

  const newOrder = (
    <Button variant="primary" onClick={() => go('/orders/new')}>
      {t('sales.orders.new')}
    </Button>
  );
  return (
    <section aria-labelledby="sales-orders-title">
      <div className="sales-toolbar">
        <h2 id="sales-orders-title" className="sales-section-title">
          {t('sales.orders.title')}
        </h2>
        {newOrder}
      </div>
      <div className="sales-filters" role="group" aria-label={t('sales.orders.filter')}>
        {FILTERS.map((f) => (
          <button
            key={f}
            type="button"
            className="sales-chip"
            aria-pressed={status === f}
            onClick={() => setStatus(f)}
          >
            {f === 'all' ? t('sales.orders.all') : t(statusLabelKey(f))}
          </button>
        ))}
      </div>
      <AsyncView
        state={state}
        onRetry={retry}
        errorTitle={t('sales.orders.loadFailed')}
        forbiddenTitle={t('sales.orders.forbidden')}
      >
        {({ orders }) => {
          const { items, hasNext, cursor } = pages(toPage(orders));
          return (
            <div className="sales-stack">
              <OrderTable
                orders={items}
                go={go}
                empty={
                  <EmptyState
                    title={
                      status === 'all'
                        ? t('sales.orders.empty')
                        : t('sales.orders.emptyStatus', { status: t(statusLabelKey(status)) })
                    }
                    action={newOrder}
                  />
                }
              />
              <FormError
                message={failure && t('sales.loadMoreFailed', { message: failure.message })}
                requestId={failure?.requestId}
              />
              {hasNext && (
                <Button onClick={() => loadMore(cursor)} disabled={loading}>
                  {loading ? t('kit.loading') : t('sales.loadMore')}
                </Button>
              )}
            </div>
          );
        }}
      </AsyncView>
    </section>
  );
}
