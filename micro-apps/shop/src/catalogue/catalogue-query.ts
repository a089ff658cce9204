import type { CartProduct } from '../cart/cart.js';

/**
 * The BFF's persisted operation `shop_catalogue.graphql`, word for word, so the BFF can also
 * serve it by hash. (The protocol's GraphQL client sends query text only today.)
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
