import type { CartProduct } from '../cart/cart.js';
import type { ShopCatalogueQuery, ShopItemFieldsFragment } from '../graphql-types.generated.js';

/**
 * The catalogue's operations, each in its own `.graphql` file: build-kit gives their ids and
 * lists them in the build's `graphql-documents.json`, which the BFF trusts; the shop sends only
 * the ids.
 */
export { default as SHOP_CATALOGUE } from './shop-catalogue.graphql';
export { default as SHOP_ITEM } from './shop-item.graphql';

/** What the shop reads back: types build-kit generates from the `.graphql` files and the BFF's schema. */
export type ShopCatalogueData = ShopCatalogueQuery;
/** One item of the catalogue: price after promotion (null when pricing is unavailable), inStock null when inventory could not say. */
export type ShopItem = ShopItemFieldsFragment;

/** The cart's view of an item, or undefined when it cannot be sold (no price, out of stock). */
export function toCartProduct(item: ShopItem): CartProduct | undefined {
  if (!item.price || item.inStock === false) return undefined;
  return {
    id: item.id,
    name: item.name,
    unit: item.unit,
    image: item.image,
    price: item.price,
    listPrice: item.listPrice ?? item.price,
    promotion: item.promotion?.name ?? null,
  };
}
