import { describe, expect, it } from 'vitest';
import type { CartLine } from '../cart/cart.js';
import { checkoutKey, lineNamedIn } from './place-order.js';

const line: CartLine = {
  id: 'p-9',
  name: '矿泉水',
  unit: '瓶',
  image: null,
  price: '2.00',
  listPrice: '2.00',
  promotion: null,
  quantity: 3,
};

describe('lineNamedIn', () => {
  it('finds the line a stock refusal names by id or name', () => {
    expect(lineNamedIn([line], 'product p-9: 1 available, 3 requested')).toBe(line);
    expect(lineNamedIn([line], '矿泉水 库存不足')).toBe(line);
  });

  it('finds none for a refusal about the whole order', () => {
    expect(lineNamedIn([line], 'the shop is closed')).toBeUndefined();
  });
});

describe('checkoutKey', () => {
  it('keeps the key for a retry of the same cart, so a lost answer cannot place two orders', () => {
    const first = checkoutKey(undefined, [line]);
    expect(checkoutKey(first, [{ ...line }]).key).toBe(first.key);
  });

  it('takes a new key once the cart changes', () => {
    const first = checkoutKey(undefined, [line]);
    expect(checkoutKey(first, [{ ...line, quantity: 4 }]).key).not.toBe(first.key);
  });
});
