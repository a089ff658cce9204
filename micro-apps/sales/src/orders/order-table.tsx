import { formatDate, formatMoney } from '@mosaic/shared-components';
import type { OrderSummary } from './orders-query.js';
import { StatusBadge } from './status-badge.js';

export interface OrderTableProps {
  orders: readonly OrderSummary[];
  go: (path: string) => void;
  /** Show the customer column (not on a customer's own page). @default true */
  showCustomer?: boolean;
  /** @default 'order' */
  testId?: string;
}

/** Orders as rows: number (opens the order), customer, items, total, status, time. */
export function OrderTable({
  orders,
  go,
  showCustomer = true,
  testId = 'order',
}: OrderTableProps): React.JSX.Element {
  return (
    <table className="sales-table" data-testid={`${testId}-table`}>
      <thead>
        <tr>
          <th scope="col">单号</th>
          {showCustomer && <th scope="col">客户</th>}
          <th scope="col">件数</th>
          <th scope="col">金额</th>
          <th scope="col">状态</th>
          <th scope="col">下单时间</th>
        </tr>
      </thead>
      <tbody>
        {orders.map((o) => (
          <tr key={o.id} data-testid={`${testId}-row`}>
            <td data-label="单号">
              <button
                type="button"
                className="sales-link"
                onClick={() => go(`/orders/${encodeURIComponent(o.id)}`)}
              >
                {o.number}
              </button>
            </td>
            {showCustomer && <td data-label="客户">{o.customer?.name ?? '散客'}</td>}
            <td data-label="件数">{o.itemCount}</td>
            <td data-label="金额" className="sales-num">
              {formatMoney(o.total)}
            </td>
            <td data-label="状态">
              <StatusBadge status={o.status} />
            </td>
            <td data-label="下单时间">{formatDate(o.createdAt, { time: true })}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
