import type { GraphQLClient } from '@mosaic/build-kit';
import { AsyncView, Button, EmptyState, useAsync } from '@mosaic/shared-components';
import { useState } from 'react';
import { CUSTOMERS_QUERY, MEMBER_LEVELS } from './customers-query.js';
import type { CustomersData } from './customers-query.js';

export interface CustomerListPageProps {
  graphql: GraphQLClient;
  go: (path: string) => void;
}

const PAGE_SIZE = 20;

/** The tenant's customers, searchable, one page at a time. */
export function CustomerListPage({ graphql, go }: CustomerListPageProps): React.JSX.Element {
  const [draft, setDraft] = useState('');
  const [search, setSearch] = useState('');
  // Cursors of the pages before this one, so 上一页 works without the API going backwards.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1] ?? null;
  const { state, retry } = useAsync(
    (signal) =>
      graphql.request<CustomersData>(
        CUSTOMERS_QUERY,
        { first: PAGE_SIZE, after, search: search || null },
        { signal },
      ),
    [graphql, after, search],
  );

  return (
    <section aria-labelledby="sales-customers-title">
      <h2 id="sales-customers-title" className="sales-section-title">
        客户
      </h2>
      <form
        className="sales-inline-form"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setCursors([null]);
          setSearch(draft.trim());
        }}
      >
        <label className="sales-field">
          <span className="sales-field__label">查找客户</span>
          <input
            className="sales-input"
            name="search"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            placeholder="姓名或电话"
          />
        </label>
        <Button type="submit">查找</Button>
      </form>
      <AsyncView
        state={state}
        onRetry={retry}
        errorTitle="客户加载失败"
        forbiddenTitle="没有权限查看客户"
      >
        {({ customers }) =>
          customers.nodes.length === 0 ? (
            <EmptyState title={search ? `没有匹配「${search}」的客户` : '还没有客户'} />
          ) : (
            <>
              <table className="sales-table" data-testid="customer-table">
                <thead>
                  <tr>
                    <th scope="col">姓名</th>
                    <th scope="col">编号</th>
                    <th scope="col">电话</th>
                    <th scope="col">会员</th>
                  </tr>
                </thead>
                <tbody>
                  {customers.nodes.map((c) => (
                    <tr key={c.id}>
                      <td data-label="姓名">
                        <button
                          type="button"
                          className="sales-link"
                          onClick={() => go(`/customers/${encodeURIComponent(c.id)}`)}
                        >
                          {c.name}
                        </button>
                      </td>
                      <td data-label="编号">{c.code ?? '—'}</td>
                      <td data-label="电话">{c.phone ?? '—'}</td>
                      <td data-label="会员">
                        {MEMBER_LEVELS[c.memberLevel ?? 'none'] ?? c.memberLevel}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <div className="sales-actions">
                <Button
                  disabled={cursors.length <= 1}
                  onClick={() => setCursors((c) => c.slice(0, -1))}
                >
                  上一页
                </Button>
                <span className="sales-muted">第 {cursors.length} 页</span>
                <Button
                  disabled={!customers.pageInfo.hasNextPage}
                  onClick={() => setCursors((c) => [...c, customers.pageInfo.endCursor])}
                >
                  下一页
                </Button>
              </div>
            </>
          )
        }
      </AsyncView>
    </section>
  );
}
