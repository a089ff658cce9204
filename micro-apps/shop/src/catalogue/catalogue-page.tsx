import type { GraphQLClient } from '@mosaic/build-kit';
import {
  AsyncView,
  Button,
  EmptyState,
  FormError,
  TextField,
  useAsync,
  useLoadMore,
  useT,
} from '@mosaic/shared-components';
import type { ListPage } from '@mosaic/shared-components';
import { useEffect, useState } from 'react';
import type { CartProduct } from '../cart/cart.js';
import { SHOP_CATALOGUE, toCartProduct } from './catalogue-query.js';
import type { ShopCatalogueData, ShopItem } from './catalogue-query.js';
import { PriceTag } from './price-tag.js';
import { ProductImage } from './product-image.js';

export interface CataloguePageProps {
  graphql: GraphQLClient;
  onOpen: (item: ShopItem) => void;
  onAdd: (product: CartProduct) => void;
}

const PAGE_SIZE = 20;

function toPage(catalogue: ShopCatalogueData['shopCatalogue']): ListPage<ShopItem> {
  return {
    items: catalogue.items,
    cursor: catalogue.pageInfo.endCursor,
    hasNext: catalogue.pageInfo.hasNextPage,
  };
}

/** Categories and the product grid, 20 at a time. */
export function CataloguePage({ graphql, onOpen, onAdd }: CataloguePageProps): React.JSX.Element {
  const t = useT();
  const [category, setCategory] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const [search, setSearch] = useState('');
  const { state, retry } = useAsync(
    (signal) =>
      graphql.request(
        SHOP_CATALOGUE,
        { first: PAGE_SIZE, category, search: search || null },
        { signal },
      ),
    [graphql, category, search],
  );
  // Categories are kept from the first answer so the row does not vanish while a filter loads.
  const [categories, setCategories] = useState<string[]>([]);
  useEffect(() => {
    if (state.status === 'ready' && state.data.shopCatalogue.categories.length > 0) {
      setCategories(state.data.shopCatalogue.categories);
    }
  }, [state]);
  // The first answer's own categories on its first render, so the row never blinks out.
  const shownCategories =
    categories.length === 0 && state.status === 'ready'
      ? state.data.shopCatalogue.categories
      : categories;

  const {
    pages,
    loadMore,
    loading: loadingMore,
    failure: moreFailure,
  } = useLoadMore<ShopItem>(
    (cursor) =>
      graphql
        .request(SHOP_CATALOGUE, {
          first: PAGE_SIZE,
          after: cursor,
          category,
          search: search || null,
        })
        .then(({ shopCatalogue }) => toPage(shopCatalogue)),
    state,
  );

  return (
    <>
      <form
        className="shop-search"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setSearch(draft.trim());
        }}
      >
        <TextField
          label={t('shop.search')}
          className="shop-input"
          type="search"
          enterKeyHint="search"
          placeholder={t('shop.search')}
          value={draft}
          onChange={setDraft}
        />
        <Button type="submit">{t('shop.searchSubmit')}</Button>
      </form>
      {shownCategories.length === 0 && state.status === 'loading' && (
        // Holds the chips' row while the first answer loads, so the grid does not jump down.
        <div className="shop-categories shop-categories--placeholder" aria-hidden="true" />
      )}
      {shownCategories.length > 0 && (
        <nav className="shop-categories" aria-label={t('shop.categories')}>
          {[null, ...shownCategories].map((c) => (
            <button
              key={c ?? '__all'}
              type="button"
              className="shop-chip"
              aria-pressed={category === c}
              onClick={() => setCategory(c)}
            >
              {c ?? t('shop.allCategories')}
            </button>
          ))}
        </nav>
      )}
      <AsyncView
        state={state}
        onRetry={retry}
        errorTitle={t('shop.loadFailed')}
        forbiddenTitle={t('shop.forbidden')}
        loading={
          <ul className="shop-grid" aria-busy="true" aria-label={t('shop.loadingProducts')}>
            {Array.from({ length: 6 }, (_, i) => (
              <li key={i} className="shop-card shop-card--skeleton" />
            ))}
          </ul>
        }
      >
        {({ shopCatalogue }) => {
          const { items, hasNext, cursor } = pages(toPage(shopCatalogue));
          if (items.length === 0) {
            return (
              <EmptyState
                title={search ? t('shop.noMatch', { search }) : t('shop.noProducts')}
                description={t('shop.noProductsHint')}
              />
            );
          }
          return (
            <>
              <ul className="shop-grid" data-testid="shop-grid">
                {items.map((item) => {
                  const product = toCartProduct(item);
                  return (
                    <li key={item.id} className="shop-card" data-testid="shop-item">
                      <button
                        type="button"
                        className="shop-card__open"
                        onClick={() => onOpen(item)}
                        aria-label={t('shop.view', { name: item.name })}
                      >
                        <ProductImage name={item.name} image={item.image} />
                      </button>
                      <div className="shop-card__body">
                        <button
                          type="button"
                          className="shop-card__name"
                          onClick={() => onOpen(item)}
                        >
                          {item.name}
                        </button>
                        <PriceTag item={item} />
                        {product ? (
                          <Button
                            variant="primary"
                            className="shop-add"
                            aria-label={t('shop.addNamed', { name: item.name })}
                            onClick={() => onAdd(product)}
                          >
                            {t('shop.add')}
                          </Button>
                        ) : (
                          <span className="shop-muted shop-add">
                            {item.inStock === false ? t('shop.soldOut') : t('shop.notForSale')}
                          </span>
                        )}
                      </div>
                    </li>
                  );
                })}
              </ul>
              {moreFailure && (
                <div className="shop-more-error">
                  <FormError
                    message={t('shop.loadMoreFailed', { message: moreFailure.message })}
                    requestId={moreFailure.requestId}
                  />
                </div>
              )}
              {hasNext && (
                <Button
                  className="shop-more"
                  onClick={() => loadMore(cursor)}
                  disabled={loadingMore}
                >
                  {loadingMore ? t('kit.loading') : t('shop.loadMore')}
                </Button>
              )}
            </>
          );
        }}
      </AsyncView>
    </>
  );
}
