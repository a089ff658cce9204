import { describe, expect, it } from 'vitest';
import { isLowStock } from './stock-level.js';

describe('isLowStock', () => {
  it('flags fewer than 10 units and not 10 or more', () => {
    expect(isLowStock(0)).toBe(true);
    expect(isLowStock(9)).toBe(true);
    expect(isLowStock(10)).toBe(false);
    expect(isLowStock(120)).toBe(false);
  });
});
