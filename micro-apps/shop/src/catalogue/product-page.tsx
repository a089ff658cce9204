import type { GraphQLClient } from '@mosaic/build-kit';
import { AsyncView, Button, EmptyState, useAsync } from '@mosaic/shared-components';
import { useState } from 'react';
import type { CartProduct } from '../cart/cart.js';
import { SHOP_ITEM, SHOP_ITEM_ID, toCartProduct } from './catalogue-query.js';
import type { ShopItem, ShopItemData } from './catalogue-query.js';
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
  const { shopItem } = await graphql.request<ShopItemData>(
    SHOP_ITEM,
    { id },
    { signal, operationName: 'ShopItem', documentId: SHOP_ITEM_ID },
  );
  return shopItem;
}

/** One product, big: picture, price and promotion, a quantity and 加入购物车. */
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
  const [quantity, setQuantity] = useState(1);
  const [added, setAdded] = useState(false);

  return (
    <section className="shop-product" aria-labelledby="shop-product-name">
      <button type="button" className="shop-back" onClick={onBack}>
        ← 返回
      </button>
      <AsyncView
        state={state}
        onRetry={retry}
        errorTitle="商品加载失败"
        forbiddenTitle="没有权限逛这个商城"
      >
        {(item) => {
          if (!item)
            return (
              <EmptyState
                title="商品不存在或已下架"
                action={<Button onClick={onBack}>去逛逛别的</Button>}
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
                {item.category} · 按{item.unit}卖 ·{' '}
                {item.inStock === false ? '已售罄' : item.inStock ? '有货' : '库存未知'}
              </p>
              <PriceTag item={item} />
              {product ? (
                <div className="shop-buy">
                  <div className="shop-stepper" role="group" aria-label="数量">
                    <button
                      type="button"
                      aria-label="减一"
                      disabled={quantity <= 1}
                      onClick={() => setQuantity((q) => Math.max(1, q - 1))}
                    >
                      −
                    </button>
                    <output aria-live="polite" data-testid="product-quantity">
                      {quantity}
                    </output>
                    <button
                      type="button"
                      aria-label="加一"
                      disabled={quantity >= 99}
                      onClick={() => setQuantity((q) => Math.min(99, q + 1))}
                    >
                      +
                    </button>
                  </div>
                  <Button
                    variant="primary"
                    className="shop-buy__add"
                    onClick={() => {
                      onAdd(product, quantity);
                      setAdded(true);
                    }}
                  >
                    加入购物车
                  </Button>
                </div>
              ) : (
                <p className="shop-muted">
                  {item.inStock === false ? '已售罄，晚点再来看看' : '暂时无法购买'}
                </p>
              )}
              {added && (
                <p role="status" className="shop-notice">
                  已加入购物车
                </p>
              )}
            </>
          );
        }}
      </AsyncView>
    </section>
  );
}
