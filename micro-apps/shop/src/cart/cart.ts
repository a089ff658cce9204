import { fenToYuan, yuanToFen } from '@mosaic/shared-components';

/** One product in the cart, with the price the shopper saw when adding it. */
export interface CartLine {
  id: string;
  name: string;
  unit: string;
  image: string | null;
  /** Price after promotion, decimal yuan. */
  price: string;
  /** Price-list price, decimal yuan. */
  listPrice: string;
  promotion: string | null;
  quantity: number;
}

export type CartProduct = Omit<CartLine, 'quantity'>;

/** The most of one product a cart takes; larger orders go through sales. */
export const MAX_PER_LINE = 99;

export function addToCart(
  cart: readonly CartLine[],
  product: CartProduct,
  quantity = 1,
): CartLine[] {
  const found = cart.find((line) => line.id === product.id);
  if (!found) return [...cart, { ...product, quantity: Math.min(quantity, MAX_PER_LINE) }];
  return cart.map((line) =>
    line === found
      ? { ...line, ...product, quantity: Math.min(line.quantity + quantity, MAX_PER_LINE) }
      : line,
  );
}

/** Sets a line's quantity; 0 or less takes it out of the cart. */
export function setLineQuantity(
  cart: readonly CartLine[],
  id: string,
  quantity: number,
): CartLine[] {
  if (quantity <= 0) return cart.filter((line) => line.id !== id);
  return cart.map((line) =>
    line.id === id ? { ...line, quantity: Math.min(Math.trunc(quantity), MAX_PER_LINE) } : line,
  );
}

export interface CartTotals {
  itemCount: number;
  /** After promotions, decimal yuan. */
  total: string;
  /** What the promotions take off, decimal yuan. */
  saving: string;
}

/** Totals in integer fen: never a float near money. */
export function cartTotals(cart: readonly CartLine[]): CartTotals {
  let itemCount = 0;
  let totalFen = 0;
  let listFen = 0;
  for (const line of cart) {
    itemCount += line.quantity;
    totalFen += yuanToFen(line.price) * line.quantity;
    listFen += yuanToFen(line.listPrice) * line.quantity;
  }
  return { itemCount, total: fenToYuan(totalFen), saving: fenToYuan(listFen - totalFen) };
}

/** The localStorage key of a tenant's cart, so two shops in one browser never mix carts. */
export function cartKey(tenantId: string): string {
  return `mosaic:shop:cart:${tenantId}`;
}

const MONEY = /^\d+(\.\d{1,2})?$/;

function isLine(value: unknown): value is CartLine {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.id === 'string' &&
    typeof v.name === 'string' &&
    typeof v.unit === 'string' &&
    (v.image === null || typeof v.image === 'string') &&
    typeof v.price === 'string' &&
    MONEY.test(v.price) &&
    typeof v.listPrice === 'string' &&
    MONEY.test(v.listPrice) &&
    (v.promotion === null || typeof v.promotion === 'string') &&
    Number.isInteger(v.quantity) &&
    (v.quantity as number) > 0 &&
    (v.quantity as number) <= MAX_PER_LINE
  );
}

/** Reads a saved cart; anything malformed (an old format, a hand edit) is dropped, not trusted. */
export function parseCart(saved: string | null): CartLine[] {
  if (!saved) return [];
  try {
    const value: unknown = JSON.parse(saved);
    return Array.isArray(value) ? value.filter(isLine) : [];
  } catch {
    return [];
  }
}
