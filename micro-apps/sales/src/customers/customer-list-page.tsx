import type { GraphQLClient } from '@mosaic/build-kit';
import {
  AsyncView,
  Button,
  DataTable,
  EmptyState,
  TextField,
  useAsync,
  useT,
} from '@mosaic/shared-components';
import type { DataTableColumn } from '@mosaic/shared-components';
import { useState } from 'react';
import { CUSTOMERS_QUERY, memberLevelLabel } from './customers-query.js';
import type { Customer, CustomersData } from './customers-query.js';

export interface CustomerListPageProps {
  graphql: GraphQLClient;
  go: (path: string) => void;
}

const PAGE_SIZE = 20;

/** The tenant's customers, searchable, one page at a time. */
export function CustomerListPage({ graphql, go }: CustomerListPageProps): React.JSX.Element {
  const t = useT();
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
  const columns: DataTableColumn<Customer>[] = [
    {
      key: 'name',
      header: t('sales.col.name'),
      primary: true,
      sortValue: (c) => c.name,
      cell: (c) => (
        <button
          type="button"
          className="sales-link"
          onClick={() => go(`/customers/${encodeURIComponent(c.id)}`)}
        >
          {c.name}
        </button>
      ),
    },
    {
      key: 'code',
      header: t('sales.col.code'),
      sortValue: (c) => c.code ?? '',
      cell: (c) => c.code ?? '—',
    },
    { key: 'phone', header: t('sales.col.phone'), cell: (c) => c.phone ?? '—' },
    {
      key: 'member',
      header: t('sales.col.member'),
      cell: (c) => memberLevelLabel(t, c.memberLevel),
    },
  ];

  return (
    <section aria-labelledby="sales-customers-title">
      <h2 id="sales-customers-title" className="sales-section-title">
        {t('sales.customers.title')}
      </h2>
      <form
        className="sales-search"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setCursors([null]);
          setSearch(draft.trim());
        }}
      >
        <TextField
          label={t('sales.customers.search')}
          name="search"
          type="search"
          value={draft}
          onChange={setDraft}
          placeholder={t('sales.customers.searchHint')}
        />
        <Button type="submit">{t('sales.search')}</Button>
      </form>
      <AsyncView
        state={state}
        onRetry={retry}
        errorTitle={t('sales.customers.loadFailed')}
        forbiddenTitle={t('sales.customers.forbidden')}
      >
        {({ customers }) => (
          <DataTable
            caption={t('sales.customers.title')}
            hideCaption
            testId="customer-table"
            columns={columns}
            rows={customers.nodes}
            rowKey={(c) => c.id}
            rowProps={() => ({ 'data-testid': 'customer-row' })}
            paging={
              cursors.length > 1 || customers.pageInfo.hasNextPage
                ? {
                    hasPrevious: cursors.length > 1,
                    hasNext: customers.pageInfo.hasNextPage,
                    onPrevious: () => setCursors((c) => c.slice(0, -1)),
                    onNext: () => setCursors((c) => [...c, customers.pageInfo.endCursor]),
                    label: t('sales.page', { page: cursors.length }),
                  }
                : undefined
            }
            empty={
              <EmptyState
                title={
                  search ? t('sales.customers.noMatch', { search }) : t('sales.customers.empty')
                }
              />
            }
          />
        )}
      </AsyncView>
    </section>
  );
}
