import { formatMoney } from '@mosaic/shared-components';
import type { ShopItem } from './catalogue-query.js';

/** Current price, the list price struck through when a promotion lowers it, and the promotion. */
export function PriceTag({ item }: { item: ShopItem }): React.JSX.Element {
  if (!item.price) return <span className="shop-muted">价格暂不可用</span>;
  return (
    <span className="shop-price-tag">
      <strong className="shop-price">{formatMoney(item.price)}</strong>
      {item.listPrice && item.listPrice !== item.price && (
        <s className="shop-muted">{formatMoney(item.listPrice)}</s>
      )}
      {item.promotion && <span className="shop-promo">{item.promotion.name}</span>}
    </span>
  );
}
