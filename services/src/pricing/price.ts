/** Promotion kinds: percent off, a fixed price, or buy `buy` get `free` free. */
export const PROMOTION_KINDS = ['percent_off', 'fixed_price', 'buy_n'] as const;
export type PromotionKind = (typeof PROMOTION_KINDS)[number];

/** A price list: prices that apply to everyone or to some member levels, for a period. */
export interface PriceList {
  id: string;
  name: string;
  /** Member levels it applies to; empty means everyone. */
  memberLevels: string[];
  /** The highest-priority valid list with a price for the product wins. */
  priority: number;
  validFrom: string | null;
  validTo: string | null;
}

/** A promotion, as the API returns it (money as decimal strings). */
export interface Promotion {
  id: string;
  name: string;
  kind: PromotionKind;
  /** Products it applies to; empty means every product. */
  productIds: string[];
  percentOff: number | null;
  fixedPrice: string | null;
  buy: number | null;
  free: number | null;
  validFrom: string;
  validTo: string;
}

/** One line of a quote. */
export interface QuoteLine {
  productId: string;
  quantity: number;
  /** Unit price before promotions, or null when no price list prices the product. */
  listPrice: string | null;
  /** Line total after the best promotion, or null when unpriced. */
  total: string | null;
  discount: string;
  promotion: { id: string; name: string } | null;
}

export interface Quote {
  lines: QuoteLine[];
  total: string;
  /** False when some line has no price; such a quote cannot be sold at. */
  complete: boolean;
  currency: 'CNY';
  /** The moment prices and promotions were valid at. */
  at: string;
}
