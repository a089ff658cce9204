import type { GraphQLClient } from '@mosaic/build-kit';
import { AsyncView, EmptyState, useAsync, useT } from '@mosaic/shared-components';
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
  const t = useT();
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
        {t('sales.customer.orders')}
      </h3>
      <AsyncView
        state={state}
        onRetry={retry}
        errorTitle={t('sales.customer.ordersFailed')}
        forbiddenTitle={t('sales.orders.forbidden')}
      >
        {({ orders }) => (
          <>
            <OrderTable
              orders={orders.nodes}
              go={go}
              showCustomer={false}
              testId="customer-order"
              empty={
                <EmptyState
                  title={t('sales.orders.empty')}
                  description={t('sales.customer.noOrdersDescription')}
                />
              }
            />
            {orders.pageInfo.hasNextPage && (
              <p className="sales-muted">{t('sales.customer.recentOnly', { count: RECENT })}</p>
            )}
          </>
        )}
      </AsyncView>
    </section>
  );
}
