import { STATUS_LABELS } from './orders-query.js';
import type { OrderStatus } from './orders-query.js';

/** An order's state as a coloured label. */
export function StatusBadge({ status }: { status: OrderStatus }): React.JSX.Element {
  return (
    <span className={`sales-status sales-status--${status}`} data-status={status}>
      {STATUS_LABELS[status]}
    </span>
  );
}
