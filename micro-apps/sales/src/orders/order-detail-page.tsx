import type { Bus, GraphQLClient } from '@mosaic/build-kit';
import {
  AsyncView,
  Button,
  EmptyState,
  describeFailure,
  formatDate,
  formatMoney,
  useAsync,
} from '@mosaic/shared-components';
import type { RequestFailure } from '@mosaic/shared-components';
import { useState } from 'react';
import { cancelOrder, confirmOrder } from './order-actions.js';
import { ORDER_QUERY } from './orders-query.js';
import type { OrderData } from './orders-query.js';
import { StatusBadge } from './status-badge.js';

export interface OrderDetailPageProps {
  id: string;
  graphql: GraphQLClient;
  bus: Bus;
  go: (path: string) => void;
}

/** One order: its lines and totals, with 确认 and 取消 while they apply. */
export function OrderDetailPage({ id, graphql, bus, go }: OrderDetailPageProps): React.JSX.Element {
  const { state, retry } = useAsync(
    (signal) => graphql.request<OrderData>(ORDER_QUERY, { id }, { signal }),
    [graphql, id],
  );
  const [busy, setBusy] = useState<'confirm' | 'cancel'>();
  const [actionError, setActionError] = useState<RequestFailure>();

  const run = (kind: 'confirm' | 'cancel', wasConfirmed: boolean): void => {
    setBusy(kind);
    setActionError(undefined);
    const action =
      kind === 'confirm'
        ? confirmOrder(graphql, bus, id)
        : cancelOrder(graphql, bus, id, wasConfirmed);
    action
      .then(() => retry())
      .catch((error: unknown) => setActionError(describeFailure(error)))
      .finally(() => setBusy(undefined));
  };

  return (
    <section aria-labelledby="sales-order-title">
      <p>
        <button type="button" className="sales-link" onClick={() => go('/orders')}>
          ← 订单列表
        </button>
      </p>
      <AsyncView
        state={state}
        onRetry={retry}
        errorTitle="订单加载失败"
        forbiddenTitle="没有权限查看订单"
      >
        {({ order }) =>
          !order ? (
            <EmptyState title="没有这张订单" description={`找不到订单 ${id}。`} />
          ) : (
            <div className="sales-card">
              <div className="sales-toolbar">
                <h2 id="sales-order-title" className="sales-section-title">
                  订单 {order.number}
                </h2>
                <StatusBadge status={order.status} />
              </div>
              <dl className="sales-facts">
                <dt>客户</dt>
                <dd>{order.customer?.name ?? '散客'}</dd>
                <dt>下单时间</dt>
                <dd>{formatDate(order.createdAt, { time: true })}</dd>
                {order.createdBy && (
                  <>
                    <dt>开单人</dt>
                    <dd>{order.createdBy}</dd>
                  </>
                )}
                {order.note && (
                  <>
                    <dt>备注</dt>
                    <dd>{order.note}</dd>
                  </>
                )}
              </dl>
              <table className="sales-table">
                <thead>
                  <tr>
                    <th scope="col">商品</th>
                    <th scope="col">单价</th>
                    <th scope="col">数量</th>
                    <th scope="col">金额</th>
                  </tr>
                </thead>
                <tbody>
                  {order.lines.map((line) => (
                    <tr key={line.productId}>
                      <td data-label="商品">
                        {line.name ?? line.productId}{' '}
                        <span className="sales-muted">{line.sku}</span>
                        {line.promotion && <span className="sales-promo">{line.promotion}</span>}
                      </td>
                      <td data-label="单价" className="sales-num">
                        {formatMoney(line.unitPrice)}
                      </td>
                      <td data-label="数量">{line.quantity}</td>
                      <td data-label="金额" className="sales-num">
                        {formatMoney(line.amount)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p className="sales-total">
                共 {order.itemCount} 件，合计{' '}
                <strong data-testid="order-total">{formatMoney(order.total)}</strong>
              </p>
              {actionError && (
                <p role="alert" className="sales-error">
                  操作失败：{actionError.message}
                  {actionError.requestId && `（请求 ID ${actionError.requestId}）`}
                </p>
              )}
              <div className="sales-actions">
                {order.status === 'draft' && (
                  <Button
                    variant="primary"
                    disabled={busy !== undefined}
                    onClick={() => run('confirm', false)}
                  >
                    {busy === 'confirm' ? '确认中…' : '确认订单'}
                  </Button>
                )}
                {(order.status === 'draft' || order.status === 'confirmed') && (
                  <Button
                    disabled={busy !== undefined}
                    onClick={() => run('cancel', order.status === 'confirmed')}
                  >
                    {busy === 'cancel' ? '取消中…' : '取消订单'}
                  </Button>
                )}
                {order.status === 'confirming' && <Button onClick={retry}>刷新状态</Button>}
              </div>
            </div>
          )
        }
      </AsyncView>
    </section>
  );
}
