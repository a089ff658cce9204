import { formatMoney, formatQuantity } from '@mosaic/shared-components';
import type { DataTableColumn, Translate } from '@mosaic/shared-components';
import type { Product } from '../api/queries.js';
import { isLowStock } from '../stock-level.js';

/** The list's columns; the name is a link-styled button to the detail page. */
export function productColumns(
  t: Translate,
  open: (product: Product) => void,
): DataTableColumn<Product>[] {
  return [
    {
      key: 'name',
      header: t('inv.col.name'),
      primary: true,
      sortValue: (p) => p.name,
      cell: (p) => (
        <>
          <button type="button" className="inv-link" onClick={() => open(p)}>
            {p.name}
          </button>
          {/* Full-link canary: the catalog's canary build answered for this tenant. */}
          {p.variant === 'canary' && (
            <span className="inv-variant" title={t('inv.canaryBuildHint')}>
              {t('inv.canaryBuild')}
            </span>
          )}
        </>
      ),
    },
    {
      key: 'sku',
      header: t('inv.col.sku'),
      sortValue: (p) => p.sku,
      cell: (p) => <span className="inv-sku">{p.sku}</span>,
    },
    {
      key: 'category',
      header: t('inv.col.category'),
      sortValue: (p) => p.category,
      cell: (p) => p.category,
    },
    {
      key: 'price',
      header: t('inv.col.price'),
      align: 'end',
      cell: (p) => (
        <>
          {formatMoney(p.price?.current)}
          {p.price?.promotion && <span className="inv-promo">{p.price.promotion.name}</span>}
        </>
      ),
    },
    {
      key: 'warehouses',
      header: t('inv.col.warehouses'),
      cell: (p) =>
        p.stock ? (
          <span className="inv-warehouses">
            {p.stock.warehouses.map((w) => (
              <span key={w.warehouseId} className="inv-warehouse-chip">
                {w.name} {formatQuantity(w.onHand)}
              </span>
            ))}
          </span>
        ) : (
          t('inv.noStock')
        ),
    },
    {
      key: 'onHand',
      header: t('inv.col.onHand'),
      align: 'end',
      sortValue: (p) => p.stock?.onHand ?? -1,
      cell: (p) => {
        const onHand = p.stock?.onHand;
        const low = onHand !== undefined && isLowStock(onHand);
        return (
          <span className="inv-on-hand-cell">
            <span className="inv-on-hand" data-testid="on-hand">
              {formatQuantity(onHand, { unit: p.unit })}
            </span>
            {low && <span className="inv-badge">{t('inv.lowStock')}</span>}
          </span>
        );
      },
    },
  ];
}
