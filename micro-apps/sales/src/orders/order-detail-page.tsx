import type { Bus, GraphQLClient } from '@mosaic/build-kit';
import {
  AsyncView,
  Button,
  DataTable,
  EmptyState,
  FormError,
  describeFailure,
  formatDate,
  formatMoney,
  formatQuantity,
  useAsync,
  useLocale,
  useT,
} from '@mosaic/shared-components';
import type { DataTableColumn, RequestFailure } from '@mosaic/shared-components';
import { useState } from 'react';
import { cancelOrder, confirmOrder, isOutcomeUnknown } from './order-actions.js';
import { ORDER_QUERY } from './orders-query.js';
import type { OrderData, OrderLine } from './orders-query.js';
import { StatusBadge } from './status-badge.js';
import { ProductLabel } from './product-label.js';

export interface OrderDetailPageProps {
  id: string;
  graphql: GraphQLClient;
  bus: Bus;
  go: (path: string) => void;
}

/** One order: its lines and totals, with 确认 and 取消 while they apply. */
export function OrderDetailPage({ id, graphql, bus, go }: OrderDetailPageProps): React.JSX.Element {
  const t = useT();
  const locale = useLocale();
  const { state, retry } = useAsync(
    (signal) => graphql.request<OrderData>(ORDER_QUERY, { id }, { signal }),
    [graphql, id],
  );
  const [busy, setBusy] = useState<'confirm' | 'cancel'>();
  const [actionError, setActionError] = useState<RequestFailure>();

  const run = (kind: 'confirm' | 'cancel', order: { number: string; status: string }): void => {
    setBusy(kind);
    setActionError(undefined);
    const action =
      kind === 'confirm'
        ? confirmOrder(graphql, bus, id)
        : cancelOrder(graphql, bus, id, order.status === 'confirmed');
    action
      .then(() => retry())
      .catch((error: unknown) => {
        const failure = describeFailure(error);
        if (!isOutcomeUnknown(error)) return setActionError(failure);
        // It may have gone through: show the order's real state and say so, not "try again".
        setActionError({
          ...failure,
          message: t('sales.order.outcomeUnknown', { number: order.number }),
        });
        retry();
      })
      .finally(() => setBusy(undefined));
  };

  const columns: DataTableColumn<OrderLine>[] = [
    {
      key: 'product',
      header: t('sales.col.product'),
      primary: true,
      cell: (line) => (
        <ProductLabel
          name={line.name ?? line.productId}
          sku={line.sku}
          promotion={line.promotion}
        />
      ),
    },
    {
      key: 'unitPrice',
      header: t('sales.col.unitPrice'),
      align: 'end',
      cell: (line) => formatMoney(line.unitPrice),
    },
    {
      key: 'quantity',
      header: t('sales.col.quantity'),
      align: 'end',
      cell: (line) => formatQuantity(line.quantity),
    },
    {
      key: 'amount',
      header: t('sales.col.total'),
      align: 'end',
      cell: (line) => formatMoney(line.amount),
    },
  ];

  return (
    <section aria-labelledby="sales-order-title">
      <p>
        <button type="button" className="sales-link" onClick={() => go('/orders')}>
          {t('sales.orders.back')}
        </button>
      </p>
      <AsyncView
        state={state}
        onRetry={retry}
        errorTitle={t('sales.orders.loadFailed')}
        forbiddenTitle={t('sales.orders.forbidden')}
      >
        {({ order }) =>
          !order ? (
            <EmptyState
              title={t('sales.order.notFound')}
              description={t('sales.order.notFoundDescription', { id })}
            />
          ) : (
            <div className="sales-card sales-stack">
              <div className="sales-toolbar">
                <h2 id="sales-order-title" className="sales-section-title">
                  {t('sales.order.title', { number: order.number })}
                </h2>
                <StatusBadge status={order.status} />
              </div>
              <dl className="sales-facts">
                <dt>{t('sales.col.customer')}</dt>
                <dd>{order.customer?.name ?? t('sales.walkIn')}</dd>
                <dt>{t('sales.col.createdAt')}</dt>
                <dd>{formatDate(order.createdAt, { time: true, locale })}</dd>
                {order.createdBy && (
                  <>
                    <dt>{t('sales.order.createdBy')}</dt>
                    <dd>{order.createdBy}</dd>
                  </>
                )}
                {order.note && (
                  <>
                    <dt>{t('sales.order.note')}</dt>
                    <dd>{order.note}</dd>
                  </>
                )}
              </dl>
              <DataTable
                caption={t('sales.order.lines')}
                hideCaption
                testId="order-detail-lines"
                columns={columns}
                rows={order.lines}
                rowKey={(line) => line.productId}
                pageSize={Math.max(order.lines.length, 1)}
              />
              <p className="sales-total">
                {t('sales.order.summary', { count: order.itemCount })}{' '}
                <strong data-testid="order-total">{formatMoney(order.total)}</strong>
              </p>
              <FormError
                message={
                  actionError &&
                  (actionError.code === 'OUTCOME_UNKNOWN'
                    ? actionError.message
                    : t('sales.order.actionFailed', { message: actionError.message }))
                }
                requestId={actionError?.requestId}
              />
              <div className="sales-actions">
                {order.status === 'draft' && (
                  <Button
                    variant="primary"
                    disabled={busy !== undefined}
                    onClick={() => run('confirm', order)}
                  >
                    {busy === 'confirm' ? t('sales.order.confirming') : t('sales.order.confirm')}
                  </Button>
                )}
                {(order.status === 'draft' || order.status === 'confirmed') && (
                  <Button disabled={busy !== undefined} onClick={() => run('cancel', order)}>
                    {busy === 'cancel' ? t('sales.order.cancelling') : t('sales.order.cancel')}
                  </Button>
                )}
                {order.status === 'confirming' && (
                  <Button onClick={retry}>{t('sales.order.refresh')}</Button>
                )}
              </div>
            </div>
          )
        }
      </AsyncView>
    </section>
  );
}
