import { formatMoney, useT } from '@mosaic/shared-components';
import type { ShopItem } from './catalogue-query.js';

/** Current price, the list price struck through when a promotion lowers it, and the promotion. */
export function PriceTag({ item }: { item: ShopItem }): React.JSX.Element {
  const t = useT();
  if (!item.price) return <span className="shop-muted">{t('shop.noPrice')}</span>;
  return (
    <span className="shop-price-tag">
      <strong className="shop-price">{formatMoney(item.price)}</strong>
      {item.listPrice && item.listPrice !== item.price && (
        <s className="shop-muted">
          {/* A strike-through is not read aloud: say what the second price is. */}
          <span className="mosaic-visually-hidden">{t('shop.listPrice')} </span>
          {formatMoney(item.listPrice)}
        </s>
      )}
      {item.promotion && (
        <span className="shop-promo">
          <span className="mosaic-visually-hidden">{t('shop.promotion')}: </span>
          {item.promotion.name}
        </span>
      )}
    </span>
  );
}
