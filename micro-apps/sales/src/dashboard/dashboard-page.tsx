import type { GraphQLClient } from '@mosaic/build-kit';
import {
  AsyncView,
  EmptyState,
  formatMoney,
  formatQuantity,
  Skeleton,
  useAsync,
} from '@mosaic/shared-components';
import { DASHBOARD_QUERY } from './dashboard-query.js';
import type { DashboardData } from './dashboard-query.js';

export interface DashboardPageProps {
  graphql: GraphQLClient;
  go: (path: string) => void;
}

/** The owner's day at a glance: sales, order count, low stock. A clerk gets the forbidden state. */
export function DashboardPage({ graphql, go }: DashboardPageProps): React.JSX.Element {
  const { state, retry } = useAsync(
    (signal) => graphql.request<DashboardData>(DASHBOARD_QUERY, undefined, { signal }),
    [graphql],
  );
  return (
    <section aria-labelledby="sales-dashboard-title">
      <h2 id="sales-dashboard-title" className="sales-section-title">
        今日看板
      </h2>
      <AsyncView
        state={state}
        onRetry={retry}
        errorTitle="看板加载失败"
        forbiddenTitle="只有店主能查看销售数据"
        loading={<Skeleton lines={4} label="看板加载中" />}
      >
        {({ dashboard }) => (
          <>
            <div className="sales-stats">
              <div className="sales-stat" data-testid="sales-today">
                <span className="sales-stat__label">今日销售额</span>
                <strong className="sales-stat__value">{formatMoney(dashboard.salesToday)}</strong>
              </div>
              <div className="sales-stat" data-testid="order-count">
                <span className="sales-stat__label">今日订单</span>
                <strong className="sales-stat__value">{dashboard.orderCount}</strong>
              </div>
              <div className="sales-stat">
                <span className="sales-stat__label">库存不足</span>
                <strong className="sales-stat__value">{dashboard.lowStock.length}</strong>
              </div>
            </div>
            <h3 className="sales-subtitle">库存不足的商品（少于 10）</h3>
            {dashboard.lowStock.length === 0 ? (
              <EmptyState title="库存都充足" description="没有少于 10 件的商品。" />
            ) : (
              <ul className="sales-list" data-testid="low-stock">
                {dashboard.lowStock.map((p) => (
                  <li key={p.id} className="sales-list__item">
                    <span>
                      {p.name} <span className="sales-muted">{p.sku}</span>
                    </span>
                    <span className="sales-warning">
                      {p.stock ? formatQuantity(p.stock.onHand, { unit: p.unit }) : '库存未知'}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            <p>
              <button type="button" className="sales-link" onClick={() => go('/orders/new')}>
                开一张新订单 →
              </button>
            </p>
          </>
        )}
      </AsyncView>
    </section>
  );
}
