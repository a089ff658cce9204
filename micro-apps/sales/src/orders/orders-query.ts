import type {
  OrderStatus,
  OrderSummaryFieldsFragment,
  SalesOrderQuery,
  SalesOrdersQuery,
} from '../graphql-types.generated.js';

export type { OrderStatus };

/** The message key of a state's label, e.g. 'sales.status.draft' (草稿 / Draft). */
export function statusLabelKey(status: OrderStatus): string {
  return `sales.status.${status}`;
}

export { default as ORDERS_QUERY } from './sales-orders.graphql';

export { default as CUSTOMER_ORDERS_QUERY } from './sales-customer-orders.graphql';

export type OrderSummary = OrderSummaryFieldsFragment;
export type OrdersData = SalesOrdersQuery;

export { default as ORDER_QUERY } from './sales-order.graphql';

export type Order = NonNullable<SalesOrderQuery['order']>;
export type OrderLine = Order['lines'][number];

export type OrderData = SalesOrderQuery;
