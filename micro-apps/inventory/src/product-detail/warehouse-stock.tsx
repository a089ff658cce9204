import { DataTable, formatQuantity, useT } from '@mosaic/shared-components';
import type { Stock, WarehouseStock as WarehouseRow } from '../api/queries.js';
import { isLowStock } from '../stock-level.js';

export interface WarehouseStockProps {
  stock: Stock;
  unit: string;
}

/** 各仓库存: on hand, reserved and available per warehouse, with the total. */
export function WarehouseStock({ stock, unit }: WarehouseStockProps): React.JSX.Element {
  const t = useT();
  const low = isLowStock(stock.onHand);
  return (
    <section className="inv-section" aria-labelledby="inv-by-warehouse">
      <h2 className="inv-section__title" id="inv-by-warehouse">
        {t('inv.stockByWarehouse')}
        <span className="inv-total" data-testid="detail-on-hand" data-low-stock={low || undefined}>
          {t('inv.total')} {formatQuantity(stock.onHand, { unit })}
          {low && <span className="inv-badge">{t('inv.lowStock')}</span>}
        </span>
      </h2>
      <DataTable<WarehouseRow>
        caption={t('inv.stockByWarehouse')}
        hideCaption
        testId="warehouse-stock"
        rows={stock.warehouses}
        rowKey={(w) => w.warehouseId}
        rowProps={(w) => ({ 'data-testid': 'warehouse-row', 'data-warehouse-id': w.warehouseId })}
        columns={[
          { key: 'name', header: t('inv.warehouse'), primary: true, cell: (w) => w.name },
          {
            key: 'onHand',
            header: t('inv.col.onHand'),
            align: 'end',
            cell: (w) => formatQuantity(w.onHand),
          },
          {
            key: 'reserved',
            header: t('inv.reserved'),
            align: 'end',
            cell: (w) => formatQuantity(w.reserved),
          },
          {
            key: 'available',
            header: t('inv.available'),
            align: 'end',
            cell: (w) => formatQuantity(w.available),
          },
        ]}
      />
    </section>
  );
}
