/**
 * Order statuses. `confirming` is the short-lived middle of confirm: stock is being reserved and
 * committed in inventory. It always ends in `confirmed` or back in `draft`.
 */
export const ORDER_STATUSES = ['draft', 'confirming', 'confirmed', 'shipped', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** `shop` orders come from a checkout: never a draft, cancelled when their stock is not taken. */
export type OrderChannel = 'desk' | 'shop';

/** One line of an order; names and prices are a snapshot taken when the order was created. */
export interface OrderLine {
  productId: string;
  sku: string;
  name: string;
  unit: string;
  quantity: number;
  unitPrice: string;
  discount: string;
  total: string;
  promotion: string | null;
}

/** A sales order, as the API returns it (money as decimal strings). */
export interface Order {
  id: string;
  /** Per-tenant, gap-free in creation order, e.g. `SO-000042`. */
  number: string;
  status: OrderStatus;
  customerId: string | null;
  note: string | null;
  createdBy: string;
  total: string;
  /** Where it was placed: at the desk (sales app: a draft first) or by a shop checkout. */
  channel: OrderChannel;
  /** The inventory reservation holding or having taken the stock, if any. */
  reservationId: string | null;
  createdAt: string;
  updatedAt: string;
  lines: OrderLine[];
}
