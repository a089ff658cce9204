import {
  AsyncView,
  Button,
  DataTable,
  EmptyState,
  Page,
  PageHeader,
  SearchField,
  Select,
  Skeleton,
  useT,
} from '@mosaic/shared-components';
import { useMemo, useState } from 'react';
import { CATEGORIES_QUERY, PAGE_SIZE, PRODUCTS_QUERY } from '../api/queries.js';
import type { CategoriesData, ProductsData } from '../api/queries.js';
import { useInventory } from '../inventory-context.js';
import { productPath } from '../routes.js';
import { isLowStock } from '../stock-level.js';
import { useCursorPages } from '../use-cursor-pages.js';
import { useLiveQuery } from '../use-live-query.js';
import { usePageTitle } from '../use-page-title.js';
import { useStockEvents } from '../use-stock-events.js';
import { productColumns } from './product-columns.js';
import { useDebounced } from './use-debounced.js';

/** 库存: products filtered on the server by search and category, stock per warehouse. */
export function ProductListPage(): React.JSX.Element {
  const { graphql, tenantName, canEdit, canSeeActivity, go } = useInventory();
  const t = useT();
  const [search, setSearch] = useState('');
  const [category, setCategory] = useState('');
  const query = useDebounced(search.trim());
  const { after, page, paging } = useCursorPages(`${query}\u0000${category}`);

  const products = useLiveQuery(
    (signal) =>
      graphql.request<ProductsData>(
        PRODUCTS_QUERY,
        { first: PAGE_SIZE, search: query || undefined, category: category || undefined, after },
        { signal },
      ),
    [graphql, query, category, after],
  );
  const categories = useLiveQuery(
    (signal) => graphql.request<CategoriesData>(CATEGORIES_QUERY, undefined, { signal }),
    [graphql],
  );
  usePageTitle(t('inv.title'));
  const notice = useStockEvents(() => products.refresh());
  const columns = useMemo(() => productColumns(t, (p) => go(productPath(p.id))), [t, go]);

  const total =
    categories.state.status === 'ready'
      ? categories.state.data.categories.reduce((sum, c) => sum + c.productCount, 0)
      : undefined;
  const filtered = Boolean(query || category);

  return (
    <Page testId="inventory-list">
      <PageHeader
        title={t('inv.title')}
        subtitle={
          <>
            {tenantName}
            {total !== undefined && total > 0 && (
              <>
                {' · '}
                <span data-testid="inventory-summary">{t('inv.summary', { count: total })}</span>
              </>
            )}
          </>
        }
        actions={
          (canEdit || canSeeActivity) && (
            <>
              {canSeeActivity && (
                <Button onClick={() => go('/activity')} data-testid="open-activity">
                  {t('inv.activity')}
                </Button>
              )}
              {canEdit && (
                <Button variant="primary" onClick={() => go('/products/new')}>
                  {t('inv.newProduct')}
                </Button>
              )}
            </>
          )
        }
      />
      {notice && (
        <p className="inv-notice" role="status" data-testid="order-notice">
          {notice}
        </p>
      )}
      <div className="inv-filters" role="search">
        <SearchField
          label={t('inv.search')}
          value={search}
          onChange={setSearch}
          placeholder={t('inv.searchHint')}
          data-testid="product-search"
        />
        <Select
          label={t('inv.category')}
          value={category}
          onChange={setCategory}
          placeholder={t('inv.allCategories')}
          options={
            categories.state.status === 'ready'
              ? categories.state.data.categories.map((c) => ({
                  value: c.name,
                  label: `${c.name} (${c.productCount})`,
                }))
              : []
          }
          data-testid="category-filter"
        />
      </div>
      <AsyncView
        state={products.state}
        onRetry={products.retry}
        errorTitle={t('inv.loadFailed')}
        loading={<Skeleton variant="rows" lines={6} />}
      >
        {(data) => (
          <DataTable
            caption={t('inv.title')}
            hideCaption
            testId="product-list"
            columns={columns}
            rows={data.productsPage.nodes}
            rowKey={(p) => p.id}
            rowProps={(p) => {
              const low = p.stock !== null && isLowStock(p.stock.onHand);
              return {
                'data-testid': 'product-row',
                'data-product-id': p.id,
                'data-low-stock': low || undefined,
                className: low ? 'inv-row--low' : undefined,
              };
            }}
            paging={paging(data.productsPage.pageInfo, t('inv.page', { page }))}
            empty={
              filtered ? (
                <EmptyState title={t('inv.noMatch')} description={t('inv.noMatchDescription')} />
              ) : (
                <EmptyState title={t('inv.empty')} description={t('inv.emptyDescription')} />
              )
            }
          />
        )}
      </AsyncView>
    </Page>
  );
}
