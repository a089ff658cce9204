import type { Bus, GraphQLClient } from '@mosaic/build-kit';
import { AsyncView, Button, EmptyState, useAsync, useLoadMore } from '@mosaic/shared-components';
import type { ListPage } from '@mosaic/shared-components';
import { useEffect, useState } from 'react';
import { ORDERS_QUERY, STATUS_LABELS } from './orders-query.js';
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

  return (
    <section aria-labelledby="sales-orders-title">
      <div className="sales-toolbar">
        <h2 id="sales-orders-title" className="sales-section-title">
          订单
        </h2>
        <Button variant="primary" onClick={() => go('/orders/new')}>
          新建订单
        </Button>
      </div>
      <div className="sales-filters" role="group" aria-label="按状态筛选">
        {FILTERS.map((f) => (
          <button
            key={f}
            type="button"
            className="sales-chip"
            aria-pressed={status === f}
            onClick={() => setStatus(f)}
          >
            {f === 'all' ? '全部' : STATUS_LABELS[f]}
          </button>
        ))}
      </div>
      <AsyncView
        state={state}
        onRetry={retry}
        errorTitle="订单加载失败"
        forbiddenTitle="没有权限查看订单"
      >
        {({ orders }) => {
          const { items: nodes, hasNext, cursor } = pages(toPage(orders));
          if (nodes.length === 0) {
            return (
              <EmptyState
                title={status === 'all' ? '还没有订单' : `没有${STATUS_LABELS[status]}的订单`}
                action={
                  <Button variant="primary" onClick={() => go('/orders/new')}>
                    新建订单
                  </Button>
                }
              />
            );
          }
          return (
            <>
              <OrderTable orders={nodes} go={go} />
              {failure && (
                <p role="alert" className="sales-error">
                  加载更多失败：{failure.message}
                  {failure.requestId && `（请求 ID ${failure.requestId}）`}
                </p>
              )}
              {hasNext && (
                <Button onClick={() => loadMore(cursor)} disabled={loading}>
                  {loading ? '加载中…' : '加载更多'}
                </Button>
              )}
            </>
          );
        }}
      </AsyncView>
    </section>
  );
}
