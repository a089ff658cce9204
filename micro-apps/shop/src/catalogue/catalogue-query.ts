import type { CartProduct } from '../cart/cart.js';

/**
 * The BFF's persisted operation `shop_catalogue.graphql`, word for word: the shop sends only
 * its hash ({@link SHOP_CATALOGUE_ID}), and the text when the BFF does not know it.
 */
export const SHOP_CATALOGUE = `query ShopCatalogue($first: Int = 20, $after: String, $category: String, $search: String) {
  shopCatalogue(first: $first, after: $after, category: $category, search: $search) {
    categories
    items {
      id
      name
      category
      unit
      image
      price
      listPrice
      promotion {
        id
        name
      }
      inStock
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
`;

/** sha256 of {@link SHOP_CATALOGUE}: its persisted document id (a test keeps them in step). */
export const SHOP_CATALOGUE_ID =
  'sha256:3f43b12a3da3201605c9461d29ab315576ca75185240fdb0411f55053f314237';

/**
 * One item, for a product page opened by link (the grid hands over what it has instead); the
 * BFF's persisted operation `shop_item.graphql`, word for word.
 */
export const SHOP_ITEM = `query ShopItem($id: ID!) {
  shopItem(id: $id) {
    id
    name
    category
    unit
    image
    price
    listPrice
    promotion {
      id
      name
    }
    inStock
  }
}
`;

/** sha256 of {@link SHOP_ITEM}: its persisted document id. */
export const SHOP_ITEM_ID =
  'sha256:b978b04a0cef58f998712c585f972c9c19a743050a6f8ce3898c8be10954bc5f';

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
