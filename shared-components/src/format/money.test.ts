import { describe, expect, it } from 'vitest';
import { formatMoney } from './money.js';

describe('formatMoney', () => {
  it('shows a yuan string from the API with the yuan sign and two decimals', () => {
    expect(formatMoney('12.50')).toBe('¥12.50');
    expect(formatMoney('12.5')).toBe('¥12.50');
    expect(formatMoney('3')).toBe('¥3.00');
  });

  it('groups thousands and puts the minus before the sign', () => {
    expect(formatMoney('1234567.89')).toBe('¥1,234,567.89');
    expect(formatMoney('-1234')).toBe('-¥1,234.00');
  });

  it('takes integer fen as a number', () => {
    expect(formatMoney(1250)).toBe('¥12.50');
    expect(formatMoney(5)).toBe('¥0.05');
  });

  it('shows a dash for a missing amount', () => {
    expect(formatMoney(null)).toBe('—');
    expect(formatMoney(undefined)).toBe('—');
  });
});
