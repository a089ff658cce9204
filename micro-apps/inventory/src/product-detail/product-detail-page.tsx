import {
  AsyncView,
  Button,
  EmptyState,
  Page,
  PageHeader,
  Skeleton,
  formatMoney,
  useT,
} from '@mosaic/shared-components';
import { useState } from 'react';
import { PRODUCT_QUERY } from '../api/queries.js';
import type { ProductData } from '../api/queries.js';
import { useInventory } from '../inventory-context.js';
import { productPath } from '../routes.js';
import { AdjustStockDialog } from '../stock-dialogs/adjust-stock-dialog.js';
import { TransferStockDialog } from '../stock-dialogs/transfer-stock-dialog.js';
import { useLiveQuery } from '../use-live-query.js';
import { usePageTitle } from '../use-page-title.js';
import { useStockEvents } from '../use-stock-events.js';
import { MovementHistory } from './movement-history.js';
import { WarehouseStock } from './warehouse-stock.js';

export interface ProductDetailPageProps {
  id: string;
}

/** One product: price, stock per warehouse, movement history; adjust and transfer in dialogs. */
export function ProductDetailPage({ id }: ProductDetailPageProps): React.JSX.Element {
  const { graphql, canEdit, go } = useInventory();
  const t = useT();
  const [dialog, setDialog] = useState<'adjust' | 'transfer'>();
  const [version, setVersion] = useState(0);
  const detail = useLiveQuery(
    (signal) => graphql.request<ProductData>(PRODUCT_QUERY, { id }, { signal }),
    [graphql, id],
  );
  const notice = useStockEvents((touched) => {
    if (touched && !touched.includes(id)) return;
    detail.refresh();
    setVersion((v) => v + 1);
  });
  usePageTitle(detail.state.status === 'ready' ? detail.state.data.product?.name : undefined);
  const back = (
    <Button variant="ghost" onClick={() => go('/')}>
      {t('inv.back')}
    </Button>
  );

  return (
    <Page testId="product-detail">
      <AsyncView
        state={detail.state}
        onRetry={detail.retry}
        errorTitle={t('inv.detailFailed')}
        loading={<Skeleton lines={8} />}
      >
        {({ product, warehouses }) => {
          if (!product) {
            return (
              <>
                {back}
                <EmptyState title={t('inv.notFound')} description={t('inv.notFoundDescription')} />
              </>
            );
          }
          const stockWarehouses = product.stock?.warehouses.map((w) => ({
            id: w.warehouseId,
            name: w.name,
          }));
          const dialogWarehouses = warehouses.length > 0 ? warehouses : (stockWarehouses ?? []);
          return (
            <>
              <PageHeader
                back={back}
                title={product.name}
                subtitle={
                  <>
                    <span className="inv-sku">{product.sku}</span> · {product.category} ·{' '}
                    {product.unit}
                    {product.barcode && <> · {product.barcode}</>}
                    {' · '}
                    <strong>{formatMoney(product.price?.current)}</strong>
                    {product.price?.promotion && (
                      <span className="inv-promo">{product.price.promotion.name}</span>
                    )}
                  </>
                }
                actions={
                  canEdit && (
                    <>
                      <Button
                        variant="primary"
                        onClick={() => setDialog('adjust')}
                        data-testid="adjust-stock"
                      >
                        {t('inv.adjust')}
                      </Button>
                      <Button
                        onClick={() => setDialog('transfer')}
                        disabled={dialogWarehouses.length < 2}
                        data-testid="transfer-stock"
                      >
                        {t('inv.transfer')}
                      </Button>
                      <Button onClick={() => go(productPath(product.id, 'edit'))}>
                        {t('inv.edit')}
                      </Button>
                    </>
                  )
                }
              />
              {notice && (
                <p className="inv-notice" role="status" data-testid="order-notice">
                  {notice}
                </p>
              )}
              {product.stock ? (
                <WarehouseStock stock={product.stock} unit={product.unit} />
              ) : (
                <EmptyState title={t('inv.noStock')} />
              )}
              <MovementHistory
                productId={product.id}
                warehouses={dialogWarehouses}
                version={version}
              />
              {dialog === 'adjust' && (
                <AdjustStockDialog
                  product={product}
                  stock={product.stock}
                  warehouses={dialogWarehouses}
                  onClose={() => setDialog(undefined)}
                  onDone={() => setDialog(undefined)}
                />
              )}
              {dialog === 'transfer' && (
                <TransferStockDialog
                  product={product}
                  stock={product.stock}
                  warehouses={dialogWarehouses}
                  onClose={() => setDialog(undefined)}
                  onDone={() => setDialog(undefined)}
                />
              )}
            </>
          );
        }}
      </AsyncView>
    </Page>
  );
}
