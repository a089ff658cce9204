import {
  DataTable,
  formatDate,
  formatMoney,
  useLocale,
  useT,
  yuanToFen,
} from '@mosaic/shared-components';
import type { DataTableColumn } from '@mosaic/shared-components';
import type { ReactNode } from 'react';
import type { OrderSummary } from './orders-query.js';
import { StatusBadge } from './status-badge.js';

export interface OrderTableProps {
  orders: readonly OrderSummary[];
  go: (path: string) => void;
  /** Show the customer column (not on a customer's own page). @default true */
  showCustomer?: boolean;
  /** Prefix of the test ids: `<testId>-table`, `<testId>-row`. @default 'order' */
  testId?: string;
  /** Shown instead of the table when there are no orders. */
  empty?: ReactNode;
}

/** Orders as rows (cards on a phone): number (opens the order), customer, items, total, status, time. */
export function OrderTable({
  orders,
  go,
  showCustomer = true,
  testId = 'order',
  empty,
}: OrderTableProps): React.JSX.Element {
  const t = useT();
  const locale = useLocale();
  const columns: DataTableColumn<OrderSummary>[] = [
    {
      key: 'number',
      header: t('sales.col.number'),
      primary: true,
      sortValue: (o) => o.number,
      cell: (o) => (
        <button
          type="button"
          className="sales-link"
          onClick={() => go(`/orders/${encodeURIComponent(o.id)}`)}
        >
          {o.number}
        </button>
      ),
    },
    ...(showCustomer
      ? [
          {
            key: 'customer',
            header: t('sales.col.customer'),
            sortValue: (o: OrderSummary) => o.customer?.name ?? '',
            cell: (o: OrderSummary) => o.customer?.name ?? t('sales.walkIn'),
          },
        ]
      : []),
    {
      key: 'items',
      header: t('sales.col.items'),
      align: 'end',
      sortValue: (o) => o.itemCount,
      cell: (o) => o.itemCount,
    },
    {
      key: 'total',
      header: t('sales.col.total'),
      align: 'end',
      sortValue: (o) => yuanToFen(o.total),
      cell: (o) => formatMoney(o.total),
    },
    {
      key: 'status',
      header: t('sales.col.status'),
      sortValue: (o) => o.status,
      cell: (o) => <StatusBadge status={o.status} />,
    },
    {
      key: 'createdAt',
      header: t('sales.col.createdAt'),
      sortValue: (o) => o.createdAt,
      cell: (o) => formatDate(o.createdAt, { time: true, locale }),
    },
  ];
  return (
    <DataTable
      caption={t('sales.orders.title')}
      hideCaption
      testId={`${testId}-table`}
      columns={columns}
      rows={orders}
      rowKey={(o) => o.id}
      rowProps={(o) => ({ 'data-testid': `${testId}-row`, 'data-order-id': o.id })}
      // Every order loaded so far stays on screen: more come through 「加载更多」, not pages.
      pageSize={Math.max(orders.length, 1)}
      empty={empty}
    />
  );
}
