import type { GraphQLClient } from '@mosaic/build-kit';
import { AsyncView, EmptyState, useAsync, useT } from '@mosaic/shared-components';
import { CustomerOrders } from './customer-orders.js';
import { CUSTOMER_QUERY, memberLevelLabel } from './customers-query.js';
import type { Customer } from './customers-query.js';

export interface CustomerDetailPageProps {
  id: string;
  graphql: GraphQLClient;
  go: (path: string) => void;
}

/** One customer's details and order history. */
export function CustomerDetailPage({
  id,
  graphql,
  go,
}: CustomerDetailPageProps): React.JSX.Element {
  const t = useT();
  const { state, retry } = useAsync(
    (signal) => graphql.request<{ customer: Customer | null }>(CUSTOMER_QUERY, { id }, { signal }),
    [graphql, id],
  );
  return (
    <section aria-labelledby="sales-customer-title">
      <p>
        <button type="button" className="sales-link" onClick={() => go('/customers')}>
          {t('sales.customers.back')}
        </button>
      </p>
      <AsyncView
        state={state}
        onRetry={retry}
        errorTitle={t('sales.customers.loadFailed')}
        forbiddenTitle={t('sales.customers.forbidden')}
      >
        {({ customer }) =>
          !customer ? (
            <EmptyState
              title={t('sales.customer.notFound')}
              description={t('sales.customer.notFoundDescription', { id })}
            />
          ) : (
            <>
              <div className="sales-card">
                <h2 id="sales-customer-title" className="sales-section-title">
                  {customer.name}
                </h2>
                <dl className="sales-facts">
                  <dt>{t('sales.col.code')}</dt>
                  <dd>{customer.code ?? '—'}</dd>
                  <dt>{t('sales.col.phone')}</dt>
                  <dd>{customer.phone ?? '—'}</dd>
                  <dt>{t('sales.customer.address')}</dt>
                  <dd>{customer.address ?? '—'}</dd>
                  <dt>{t('sales.customer.memberLevel')}</dt>
                  <dd>{memberLevelLabel(t, customer.memberLevel)}</dd>
                </dl>
              </div>
              <CustomerOrders customerId={customer.id} graphql={graphql} go={go} />
            </>
          )
        }
      </AsyncView>
    </section>
  );
}
