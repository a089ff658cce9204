import type { CartProduct } from '../cart/cart.js';

/**
 * The catalogue's operations, each in its own `.graphql` file: build-kit gives their ids and
 * lists them in the build's `graphql-documents.json`, which the BFF trusts; the shop sends only
 * the ids.
 */
export { default as SHOP_CATALOGUE } from './shop-catalogue.graphql';
export { default as SHOP_ITEM } from './shop-item.graphql';

export interface ShopItemData {
  shopItem: ShopItem | null;
}

export interface ShopItem {
  id: string;
  name: string;
  category: string;
  unit: string;
  image: string | null;
  /** After promotion; null when pricing is unavailable. */
  price: string | null;
  listPrice: string | null;
  promotion: { id: string; name: string } | null;
  /** null when inventory could not say. */
  inStock: boolean | null;
}

export interface ShopCatalogueData {
  shopCatalogue: {
    categories: string[];
    items: ShopItem[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

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
