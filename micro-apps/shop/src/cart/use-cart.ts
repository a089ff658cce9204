import type { Bus } from '@mosaic/build-kit';
import { useCallback, useEffect, useState } from 'react';
import { addToCart, cartKey, cartTotals, parseCart, setLineQuantity } from './cart.js';
import type { CartLine, CartProduct } from './cart.js';

export interface UseCartResult {
  lines: CartLine[];
  add: (product: CartProduct, quantity?: number) => void;
  setQuantity: (id: string, quantity: number) => void;
  clear: () => void;
}

function read(key: string): CartLine[] {
  try {
    return parseCart(window.localStorage.getItem(key));
  } catch {
    return []; // storage blocked (private mode): a cart for this visit only
  }
}

/**
 * The tenant's cart, kept in localStorage across reloads, announced on `cart.updated`
 * (sticky, so the shell's badge and late apps see it) whenever it changes.
 */
export function useCart(tenantId: string, bus: Bus): UseCartResult {
  const key = cartKey(tenantId);
  const [lines, setLines] = useState<CartLine[]>(() => read(key));

  useEffect(() => {
    try {
      window.localStorage.setItem(key, JSON.stringify(lines));
    } catch {
      // Quota or private mode: the cart still works until the page closes.
    }
    const { itemCount, total } = cartTotals(lines);
    bus.publish('cart.updated', { itemCount, total });
  }, [bus, key, lines]);

  // Another tab of the same shop changed the cart.
  useEffect(() => {
    const follow = (event: StorageEvent): void => {
      if (event.key === key) setLines(parseCart(event.newValue));
    };
    window.addEventListener('storage', follow);
    return () => window.removeEventListener('storage', follow);
  }, [key]);

  const add = useCallback(
    (product: CartProduct, quantity = 1) => setLines((c) => addToCart(c, product, quantity)),
    [],
  );
  const setQuantity = useCallback(
    (id: string, quantity: number) => setLines((c) => setLineQuantity(c, id, quantity)),
    [],
  );
  const clear = useCallback(() => setLines([]), []);
  return { lines, add, setQuantity, clear };
}
