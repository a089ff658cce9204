export type OrderStatus = 'draft' | 'confirming' | 'confirmed' | 'shipped' | 'cancelled';

/** The message key of a state's label, e.g. 'sales.status.draft' (草稿 / Draft). */
export function statusLabelKey(status: OrderStatus): string {
  return `sales.status.${status}`;
}

export { default as ORDERS_QUERY } from './sales-orders.graphql';

export { default as CUSTOMER_ORDERS_QUERY } from './sales-customer-orders.graphql';

export interface OrderSummary {
  id: string;
  number: string;
  status: OrderStatus;
  itemCount: number;
  total: string;
  createdAt: string;
  customer: { id: string; name: string } | null;
}

export interface OrdersData {
  orders: { nodes: OrderSummary[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

export { default as ORDER_QUERY } from './sales-order.graphql';

export interface OrderLine {
  productId: string;
  sku: string | null;
  name: string | null;
  quantity: number;
  unitPrice: string;
  amount: string;
  promotion: string | null;
}

export interface Order extends Omit<OrderSummary, 'customer'> {
  note: string | null;
  createdBy: string | null;
  customer: { id: string; name: string; phone: string | null; memberLevel: string | null } | null;
  lines: OrderLine[];
}

export interface OrderData {
  order: Order | null;
}
