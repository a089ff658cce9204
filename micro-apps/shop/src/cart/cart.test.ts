import { describe, expect, it } from 'vitest';
import {
  addToCart,
  cartKey,
  cartTotals,
  MAX_PER_LINE,
  parseCart,
  setLineQuantity,
} from './cart.js';
import type { CartProduct } from './cart.js';

const tea: CartProduct = {
  id: 'p-tea',
  name: '绿茶',
  unit: '瓶',
  image: null,
  price: '0.10',
  listPrice: '0.10',
  promotion: null,
};
const milk: CartProduct = {
  id: 'p-milk',
  name: '牛奶',
  unit: '盒',
  image: null,
  price: '0.20',
  listPrice: '3.50',
  promotion: '第二件半价',
};

describe('given a cart', () => {
  it('adds to the same line when the product is already in it', () => {
    const cart = addToCart(addToCart([], tea), tea, 2);
    expect(cart).toEqual([{ ...tea, quantity: 3 }]);
  });

  it('adds up totals in fen, so 0.10 + 0.20 is exactly 0.30', () => {
    expect(cartTotals(addToCart(addToCart([], tea), milk))).toEqual({
      itemCount: 2,
      total: '0.30',
      saving: '3.30',
    });
  });

  it('is empty with a zero total', () => {
    expect(cartTotals([])).toEqual({ itemCount: 0, total: '0.00', saving: '0.00' });
  });

  it('drops a line set to zero and caps a line at the maximum', () => {
    const cart = addToCart([], tea);
    expect(setLineQuantity(cart, 'p-tea', 0)).toEqual([]);
    expect(setLineQuantity(cart, 'p-tea', 500)[0]?.quantity).toBe(MAX_PER_LINE);
  });
});

describe('a saved cart', () => {
  it('is kept per tenant', () => {
    expect(cartKey('xiaomai')).not.toBe(cartKey('chaye'));
  });

  it('round-trips through JSON', () => {
    const cart = addToCart([], milk, 2);
    expect(parseCart(JSON.stringify(cart))).toEqual(cart);
  });

  it('drops lines with a float price, a bad quantity or broken JSON', () => {
    const bad = [
      { ...tea, price: 0.1, quantity: 1 },
      { ...milk, quantity: -1 },
    ];
    expect(parseCart(JSON.stringify(bad))).toEqual([]);
    expect(parseCart('{not json')).toEqual([]);
    expect(parseCart(null)).toEqual([]);
  });
});
