import type { GraphQLClient } from '@mosaic/build-kit';
import { AsyncView, Button, EmptyState, useAsync, useT } from '@mosaic/shared-components';
import { useState } from 'react';
import { MAX_PER_LINE } from '../cart/cart.js';
import type { CartProduct } from '../cart/cart.js';
import { QuantityStepper } from '../cart/quantity-stepper.js';
import { SHOP_ITEM, toCartProduct } from './catalogue-query.js';
import type { ShopItem } from './catalogue-query.js';
import { PriceTag } from './price-tag.js';
import { ProductImage } from './product-image.js';

export interface ProductPageProps {
  id: string;
  /** The item as the grid had it, so opening a product costs no request. */
  known: ShopItem | undefined;
  graphql: GraphQLClient;
  onAdd: (product: CartProduct, quantity: number) => void;
  onBack: () => void;
}

/** Reads an item by id when the page is opened directly (by link, or after a reload). */
async function findItem(
  graphql: GraphQLClient,
  id: string,
  signal: AbortSignal,
): Promise<ShopItem | null> {
  const { shopItem } = await graphql.request(SHOP_ITEM, { id }, { signal });
  return shopItem;
}

/** One product, big: picture, price and promotion, a quantity and 加入购物车 (Add to cart). */
export function ProductPage({
  id,
  known,
  graphql,
  onAdd,
  onBack,
}: ProductPageProps): React.JSX.Element {
  const { state, retry } = useAsync(
    (signal) => (known ? Promise.resolve(known) : findItem(graphql, id, signal)),
    [graphql, id, known],
  );
  const t = useT();
  const [quantity, setQuantity] = useState(1);
  const [added, setAdded] = useState(false);

  return (
    <section className="shop-product" aria-labelledby="shop-product-name">
      <Button variant="ghost" className="shop-back" onClick={onBack}>
        {t('shop.back')}
      </Button>
      <AsyncView
        state={state}
        onRetry={retry}
        errorTitle={t('shop.loadFailed')}
        forbiddenTitle={t('shop.forbidden')}
      >
        {(item) => {
          if (!item)
            return (
              <EmptyState
                title={t('shop.notFound')}
                action={<Button onClick={onBack}>{t('shop.browseOthers')}</Button>}
              />
            );
          const product = toCartProduct(item);
          return (
            <>
              <ProductImage name={item.name} image={item.image} large />
              <h2 id="shop-product-name" className="shop-product__name">
                {item.name}
              </h2>
              <p className="shop-muted">
                {item.category} · {t('shop.soldPer', { unit: item.unit })} ·{' '}
                {item.inStock === false
                  ? t('shop.soldOut')
                  : item.inStock
                    ? t('shop.inStock')
                    : t('shop.stockUnknown')}
              </p>
              <PriceTag item={item} />
              {product ? (
                <div className="shop-buy">
                  <QuantityStepper
                    value={quantity}
                    onChange={setQuantity}
                    label={t('shop.quantity')}
                    decreaseLabel={t('shop.decrease')}
                    increaseLabel={t('shop.increase')}
                    min={1}
                    max={MAX_PER_LINE}
                    testId="product-quantity"
                  />
                  <Button
                    variant="primary"
                    className="shop-buy__add"
                    onClick={() => {
                      onAdd(product, quantity);
                      setAdded(true);
                    }}
                  >
                    {t('shop.add')}
                  </Button>
                </div>
              ) : (
                <p className="shop-muted">
                  {item.inStock === false ? t('shop.soldOutLater') : t('shop.cannotBuy')}
                </p>
              )}
              {added && (
                <p role="status" className="shop-notice">
                  {t('shop.added')}
                </p>
              )}
            </>
          );
        }}
      </AsyncView>
    </section>
  );
}
