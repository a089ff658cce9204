import type { GraphQLClient } from '@mosaic/build-kit';
import { AsyncView, EmptyState, useAsync } from '@mosaic/shared-components';
import { CustomerOrders } from './customer-orders.js';
import { CUSTOMER_QUERY, MEMBER_LEVELS } from './customers-query.js';
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
  const { state, retry } = useAsync(
    (signal) => graphql.request<{ customer: Customer | null }>(CUSTOMER_QUERY, { id }, { signal }),
    [graphql, id],
  );
  return (
    <section aria-labelledby="sales-customer-title">
      <p>
        <button type="button" className="sales-link" onClick={() => go('/customers')}>
          ← 客户列表
        </button>
      </p>
      <AsyncView
        state={state}
        onRetry={retry}
        errorTitle="客户加载失败"
        forbiddenTitle="没有权限查看客户"
      >
        {({ customer }) =>
          !customer ? (
            <EmptyState title="没有这位客户" description={`找不到客户 ${id}。`} />
          ) : (
            <>
              <div className="sales-card">
                <h2 id="sales-customer-title" className="sales-section-title">
                  {customer.name}
                </h2>
                <dl className="sales-facts">
                  <dt>编号</dt>
                  <dd>{customer.code ?? '—'}</dd>
                  <dt>电话</dt>
                  <dd>{customer.phone ?? '—'}</dd>
                  <dt>地址</dt>
                  <dd>{customer.address ?? '—'}</dd>
                  <dt>会员等级</dt>
                  <dd>{MEMBER_LEVELS[customer.memberLevel ?? 'none'] ?? customer.memberLevel}</dd>
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
