import type { GraphQLClient } from '@mosaic/build-kit';
import {
  AsyncView,
  EmptyState,
  formatMoney,
  formatQuantity,
  Skeleton,
  useAsync,
  useT,
} from '@mosaic/shared-components';
import { DASHBOARD_QUERY, LOW_STOCK_THRESHOLD } from './dashboard-query.js';
import type { DashboardData } from './dashboard-query.js';

export interface DashboardPageProps {
  graphql: GraphQLClient;
  go: (path: string) => void;
}

/** The owner's day at a glance: sales, order count, low stock. A clerk gets the forbidden state. */
export function DashboardPage({ graphql, go }: DashboardPageProps): React.JSX.Element {
  const t = useT();
  const { state, retry } = useAsync(
    (signal) =>
      graphql.request<DashboardData>(
        DASHBOARD_QUERY,
        { threshold: LOW_STOCK_THRESHOLD },
        { signal },
      ),
    [graphql],
  );
  const threshold = { threshold: LOW_STOCK_THRESHOLD };
  return (
    <section aria-labelledby="sales-dashboard-title">
      <h2 id="sales-dashboard-title" className="sales-section-title">
        {t('sales.dashboard.title')}
      </h2>
      <AsyncView
        state={state}
        onRetry={retry}
        errorTitle={t('sales.dashboard.loadFailed')}
        forbiddenTitle={t('sales.dashboard.forbidden')}
        loading={<Skeleton lines={4} label={t('sales.dashboard.loading')} />}
      >
        {({ dashboard }) => (
          <>
            <div className="sales-stats">
              <div className="sales-stat" data-testid="sales-today">
                <span className="sales-stat__label">{t('sales.dashboard.salesToday')}</span>
                <strong className="sales-stat__value">{formatMoney(dashboard.salesToday)}</strong>
              </div>
              <div className="sales-stat" data-testid="order-count">
                <span className="sales-stat__label">{t('sales.dashboard.ordersToday')}</span>
                <strong className="sales-stat__value">
                  {formatQuantity(dashboard.orderCount)}
                </strong>
              </div>
              <div className="sales-stat" data-testid="low-stock-count">
                <span className="sales-stat__label">{t('sales.dashboard.lowStock')}</span>
                <strong className="sales-stat__value">
                  {formatQuantity(dashboard.lowStock.length)}
                </strong>
              </div>
            </div>
            <h3 className="sales-subtitle">{t('sales.dashboard.lowStockTitle', threshold)}</h3>
            {dashboard.lowStock.length === 0 ? (
              <EmptyState
                title={t('sales.dashboard.stockOk')}
                description={t('sales.dashboard.stockOkDescription', threshold)}
              />
            ) : (
              <ul className="sales-list" data-testid="low-stock">
                {dashboard.lowStock.map((p) => (
                  <li key={p.id} className="sales-list__item">
                    <span>
                      {p.name} <span className="sales-muted">{p.sku}</span>
                    </span>
                    <span className="sales-warning">
                      {p.stock
                        ? formatQuantity(p.stock.onHand, { unit: p.unit })
                        : t('sales.dashboard.stockUnknown')}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            <p>
              <button type="button" className="sales-link" onClick={() => go('/orders/new')}>
                {t('sales.dashboard.newOrder')}
              </button>
            </p>
          </>
        )}
      </AsyncView>
    </section>
  );
}
