import type { GraphQLClient } from '@mosaic/build-kit';
import { AsyncView, EmptyState, useAsync } from '@mosaic/shared-components';
import { CUSTOMER_ORDERS_QUERY } from '../orders/orders-query.js';
import type { OrdersData } from '../orders/orders-query.js';
import { OrderTable } from '../orders/order-table.js';

export interface CustomerOrdersProps {
  customerId: string;
  graphql: GraphQLClient;
  go: (path: string) => void;
}

const RECENT = 20;

/** 历史订单: the customer's latest orders, each opening its order page. */
export function CustomerOrders({
  customerId,
  graphql,
  go,
}: CustomerOrdersProps): React.JSX.Element {
  const { state, retry } = useAsync(
    (signal) =>
      graphql.request<OrdersData>(
        CUSTOMER_ORDERS_QUERY,
        { customerId, first: RECENT },
        { signal, operationName: 'SalesCustomerOrders' },
      ),
    [graphql, customerId],
  );
  return (
    <section aria-labelledby="sales-customer-orders-title" className="sales-card">
      <h3 id="sales-customer-orders-title" className="sales-section-title">
        历史订单
      </h3>
      <AsyncView
        state={state}
        onRetry={retry}
        errorTitle="历史订单加载失败"
        forbiddenTitle="没有权限查看订单"
      >
        {({ orders }) =>
          orders.nodes.length === 0 ? (
            <EmptyState title="还没有订单" description="这位客户还没有下过单。" />
          ) : (
            <>
              <OrderTable
                orders={orders.nodes}
                go={go}
                showCustomer={false}
                testId="customer-order"
              />
              {orders.pageInfo.hasNextPage && (
                <p className="sales-muted">只显示最近 {RECENT} 单。</p>
              )}
            </>
          )
        }
      </AsyncView>
    </section>
  );
}
