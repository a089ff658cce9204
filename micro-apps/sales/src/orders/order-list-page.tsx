import type { Bus, GraphQLClient } from '@mosaic/build-kit';
import {
  AsyncView,
  Button,
  EmptyState,
  describeFailure,
  useAsync,
} from '@mosaic/shared-components';
import type { RequestFailure } from '@mosaic/shared-components';
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
  const [more, setMore] = useState<{
    nodes: OrderSummary[];
    cursor: string | null;
    hasNext: boolean;
  }>();
  const [moreError, setMoreError] = useState<RequestFailure>();
  const [loadingMore, setLoadingMore] = useState(false);
  useEffect(() => setMore(undefined), [state]);
  // Another app (the shop) placed an order: show it.
  useEffect(() => bus.subscribe('order.created', () => retry()), [bus, retry]);

  const loadMore = (cursor: string | null): void => {
    setLoadingMore(true);
    setMoreError(undefined);
    graphql
      .request<OrdersData>(ORDERS_QUERY, {
        first: PAGE_SIZE,
        after: cursor,
        status: status === 'all' ? null : status,
      })
      .then(({ orders }) =>
        setMore((prev) => ({
          nodes: [...(prev?.nodes ?? []), ...orders.nodes],
          cursor: orders.pageInfo.endCursor,
          hasNext: orders.pageInfo.hasNextPage,
        })),
      )
      .catch((error: unknown) => setMoreError(describeFailure(error)))
      .finally(() => setLoadingMore(false));
  };

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
          const nodes = [...orders.nodes, ...(more?.nodes ?? [])];
          const hasNext = more ? more.hasNext : orders.pageInfo.hasNextPage;
          const cursor = more ? more.cursor : orders.pageInfo.endCursor;
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
              {moreError && (
                <p role="alert" className="sales-error">
                  加载更多失败：{moreError.message}
                  {moreError.requestId && `（请求 ID ${moreError.requestId}）`}
                </p>
              )}
              {hasNext && (
                <Button onClick={() => loadMore(cursor)} disabled={loadingMore}>
                  {loadingMore ? '加载中…' : '加载更多'}
                </Button>
              )}
            </>
          );
        }}
      </AsyncView>
    </section>
  );
}
