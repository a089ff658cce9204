export type OrderStatus = 'draft' | 'confirming' | 'confirmed' | 'shipped' | 'cancelled';

/** The message key of a state's label, e.g. 'sales.status.draft' (草稿 / Draft). */
export function statusLabelKey(status: OrderStatus): string {
  return `sales.status.${status}`;
}

export const ORDERS_QUERY = `query SalesOrders($first: Int, $after: String, $status: OrderStatus) {
  orders(first: $first, after: $after, status: $status) {
    nodes { id number status itemCount total createdAt customer { id name } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** One customer's orders, newest first, for their page. */
export const CUSTOMER_ORDERS_QUERY = `query SalesCustomerOrders($customerId: ID!, $first: Int) {
  orders(customerId: $customerId, first: $first) {
    nodes { id number status itemCount total createdAt customer { id name } }
    pageInfo { hasNextPage endCursor }
  }
}`;

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

export const ORDER_QUERY = `query SalesOrder($id: ID!) {
  order(id: $id) {
    id number status itemCount total note createdBy createdAt
    customer { id name phone memberLevel }
    lines { productId sku name quantity unitPrice amount promotion }
  }
}`;

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
