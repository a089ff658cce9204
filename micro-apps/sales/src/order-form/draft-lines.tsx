import { Button, DataTable, formatMoney, useT } from '@mosaic/shared-components';
import type { DataTableColumn } from '@mosaic/shared-components';
import { MAX_QUANTITY, draftTotals } from './order-draft.js';
import type { DraftLine } from './order-draft.js';
import { ProductLabel } from '../orders/product-label.js';

export interface DraftLinesProps {
  lines: readonly DraftLine[];
  /** Messages by product id, under that line's quantity. */
  errors: Record<string, string>;
  onQuantity: (productId: string, quantity: number) => void;
  onRemove: (productId: string) => void;
}

/** The products on the order being written, each with its quantity field and subtotal. */
export function DraftLines({
  lines,
  errors,
  onQuantity,
  onRemove,
}: DraftLinesProps): React.JSX.Element {
  const t = useT();
  const columns: DataTableColumn<DraftLine>[] = [
    {
      key: 'product',
      header: t('sales.col.product'),
      primary: true,
      cell: (line) => <ProductLabel name={line.name} sku={line.sku} promotion={line.promotion} />,
    },
    {
      key: 'unitPrice',
      header: t('sales.col.unitPrice'),
      align: 'end',
      cell: (line) => (
        <span>
          {formatMoney(line.unitPrice)}
          {line.unitPrice !== line.listPrice && (
            <s className="sales-muted"> {formatMoney(line.listPrice)}</s>
          )}
        </span>
      ),
    },
    {
      key: 'available',
      header: t('sales.col.available'),
      align: 'end',
      cell: (line) => line.available ?? t('sales.unknown'),
    },
    {
      key: 'quantity',
      header: t('sales.col.quantity'),
      cell: (line) => {
        const error = errors[line.productId];
        const inputId = `sales-qty-${line.productId}`;
        return (
          <span className="sales-qty">
            <label htmlFor={inputId} className="mosaic-visually-hidden">
              {t('sales.form.quantityOf', { name: line.name })}
            </label>
            <input
              id={inputId}
              className="sales-qty__input"
              type="number"
              inputMode="numeric"
              min={1}
              max={MAX_QUANTITY}
              step={1}
              value={Number.isNaN(line.quantity) ? '' : line.quantity}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${inputId}-error` : undefined}
              onChange={(event) => onQuantity(line.productId, event.target.valueAsNumber)}
            />
            {error && (
              <span id={`${inputId}-error`} className="sales-qty__error" role="alert">
                {error}
              </span>
            )}
          </span>
        );
      },
    },
    {
      key: 'subtotal',
      header: t('sales.col.subtotal'),
      align: 'end',
      cell: (line) =>
        Number.isInteger(line.quantity) && line.quantity > 0
          ? formatMoney(draftTotals([line]).total)
          : '—',
    },
    {
      key: 'actions',
      header: t('sales.col.actions'),
      cell: (line) => (
        <Button
          variant="ghost"
          aria-label={t('sales.form.removeOf', { name: line.name })}
          onClick={() => onRemove(line.productId)}
        >
          {t('sales.form.remove')}
        </Button>
      ),
    },
  ];
  return (
    <DataTable
      caption={t('sales.form.lines')}
      hideCaption
      testId="order-lines"
      columns={columns}
      rows={lines}
      rowKey={(line) => line.productId}
      rowProps={() => ({ 'data-testid': 'order-line' })}
      // A draft is one screen: every line stays visible while the order is written.
      pageSize={Math.max(lines.length, 1)}
    />
  );
}
