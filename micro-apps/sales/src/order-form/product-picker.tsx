import type { GraphQLClient } from '@mosaic/build-kit';
import {
  Button,
  ErrorPanel,
  SearchField,
  describeFailure,
  formatMoney,
  formatQuantity,
  useT,
} from '@mosaic/shared-components';
import type { RequestFailure } from '@mosaic/shared-components';
import { useState } from 'react';
import type { PickedProduct } from './order-draft.js';
import SEARCH from './pick-products.graphql';
import type { PickProductsQuery } from '../graphql-types.generated.js';

type Found = PickProductsQuery['products'][number];

function toPicked(p: Found): PickedProduct | undefined {
  if (!p.price) return undefined;
  return {
    productId: p.id,
    sku: p.sku,
    name: p.name,
    unit: p.unit,
    unitPrice: p.price.current,
    listPrice: p.price.list,
    promotion: p.price.promotion?.name ?? null,
    available: p.stock?.available ?? null,
  };
}

export interface ProductPickerProps {
  graphql: GraphQLClient;
  onPick: (product: PickedProduct) => void;
}

/** Find products by name or sku, or scan a barcode (the scanner types it and presses Enter). */
export function ProductPicker({ graphql, onPick }: ProductPickerProps): React.JSX.Element {
  const t = useT();
  const [text, setText] = useState('');
  const [results, setResults] = useState<Found[]>();
  const [failure, setFailure] = useState<RequestFailure>();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string>();

  const search = (): void => {
    const query = text.trim();
    if (!query) return;
    setBusy(true);
    setFailure(undefined);
    setNotice(undefined);
    graphql
      .request<{ products: Found[] }>(SEARCH, { search: query })
      .then(({ products }) => {
        // A barcode that matches exactly one product goes straight onto the order.
        const scanned = /^\d{8,14}$/.test(query) ? products.filter((p) => p.barcode === query) : [];
        const picked = scanned.length === 1 && scanned[0] ? toPicked(scanned[0]) : undefined;
        if (picked) {
          onPick(picked);
          setNotice(t('sales.picker.added', { name: picked.name }));
          setText('');
          setResults(undefined);
        } else {
          setResults(products);
        }
      })
      .catch((error: unknown) => setFailure(describeFailure(error)))
      .finally(() => setBusy(false));
  };

  return (
    <div className="sales-stack">
      <form
        className="sales-search"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          search();
        }}
      >
        <SearchField
          label={t('sales.picker.product')}
          name="product-search"
          value={text}
          onChange={setText}
          placeholder={t('sales.picker.productHint')}
        />
        <Button type="submit" disabled={busy}>
          {busy ? t('sales.searching') : t('sales.search')}
        </Button>
      </form>
      {notice && (
        <p role="status" className="sales-muted">
          {notice}
        </p>
      )}
      {failure && (
        <ErrorPanel
          title={t('sales.picker.searchFailed')}
          message={failure.message}
          requestId={failure.requestId}
          onRetry={search}
        />
      )}
      {results && results.length === 0 && (
        <p className="sales-muted">{t('sales.picker.nothingFound', { text })}</p>
      )}
      {results && results.length > 0 && (
        <ul className="sales-list" data-testid="product-results">
          {results.map((p) => {
            const picked = toPicked(p);
            return (
              <li key={p.id} className="sales-list__item">
                <span>
                  {p.name} <span className="sales-muted">{p.sku}</span>
                  <br />
                  <span className="sales-num">{formatMoney(p.price?.current)}</span>
                  {p.price && p.price.current !== p.price.list && (
                    <s className="sales-muted"> {formatMoney(p.price.list)}</s>
                  )}
                  {p.price?.promotion && (
                    <span className="sales-promo">{p.price.promotion.name}</span>
                  )}
                  <span className="sales-muted">
                    {' · '}
                    {t('sales.picker.available', {
                      count: p.stock ? formatQuantity(p.stock.available) : t('sales.unknown'),
                    })}
                  </span>
                </span>
                <Button
                  disabled={!picked}
                  aria-label={t('sales.picker.addOf', { name: p.name })}
                  onClick={() => picked && onPick(picked)}
                >
                  {picked ? t('sales.picker.add') : t('sales.picker.noPrice')}
                </Button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
