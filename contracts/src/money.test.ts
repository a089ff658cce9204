import { describe, expect, it } from 'vitest';
import { fenToYuan, MoneyFormatError, yuanToFen } from './money.js';

describe('yuanToFen and fenToYuan', () => {
  it('convert without float drift', () => {
    // 0.1 + 0.2 style inputs: a float conversion would give 1.1 * 100 = 110.00000000000001
    expect(yuanToFen('1.10')).toBe(110);
    expect(yuanToFen('0.29')).toBe(29);
    expect(yuanToFen('19.99')).toBe(1999);
    expect(yuanToFen('-0.5')).toBe(-50);
    expect(fenToYuan(110)).toBe('1.10');
    expect(fenToYuan(-50)).toBe('-0.50');
    expect(fenToYuan(0)).toBe('0.00');
  });

  it('round-trips every amount', () => {
    for (const fen of [0, 1, 9, 10, 99, 100, 101, 123456789, -7]) {
      expect(yuanToFen(fenToYuan(fen))).toBe(fen);
    }
  });

  it('refuses floats and malformed amounts with a message that says how to fix them', () => {
    expect(() => fenToYuan(12.5)).toThrow(MoneyFormatError);
    expect(() => yuanToFen('12.345')).toThrow(/up to two decimals/);
    expect(() => yuanToFen('¥12')).toThrow(MoneyFormatError);
    expect(() => yuanToFen('1e3')).toThrow(MoneyFormatError);
  });
});
