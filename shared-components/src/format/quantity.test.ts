import { describe, expect, it } from 'vitest';
import { formatQuantity } from './quantity.js';

describe('formatQuantity', () => {
  it('groups thousands and adds the unit', () => {
    expect(formatQuantity(1234)).toBe('1,234');
    expect(formatQuantity(12, { unit: '瓶' })).toBe('12 瓶');
  });

  it('signs changes when asked', () => {
    expect(formatQuantity(5, { signed: true })).toBe('+5');
    expect(formatQuantity(-3, { signed: true })).toBe('-3');
    expect(formatQuantity(0, { signed: true })).toBe('0');
  });

  it('shows a dash for a missing count', () => {
    expect(formatQuantity(null)).toBe('—');
  });
});
