import { describe, expect, it } from 'vitest';
import { formatFen, parseMoney } from './money.js';

describe('money', () => {
  it('formats fen as a two-place decimal string', () => {
    expect(formatFen(1250)).toBe('12.50');
    expect(formatFen(5)).toBe('0.05');
    expect(formatFen(-199)).toBe('-1.99');
  });

  it('parses decimal strings to fen without floats', () => {
    expect(parseMoney('12.5')).toBe(1250);
    expect(parseMoney('0.29')).toBe(29);
    expect(parseMoney('3')).toBe(300);
  });

  it('refuses numbers and over-precise strings', () => {
    expect(() => parseMoney(12.5)).toThrow('decimal string');
    expect(() => parseMoney('1.005')).toThrow('decimal string');
  });
});
