import { useT } from '@mosaic/shared-components';
import { statusLabelKey } from './orders-query.js';
import type { OrderStatus } from './orders-query.js';

/** An order's state as a coloured label. */
export function StatusBadge({ status }: { status: OrderStatus }): React.JSX.Element {
  const t = useT();
  return (
    <span className={`sales-status sales-status--${status}`} data-status={status}>
      {t(statusLabelKey(status))}
    </span>
  );
}
