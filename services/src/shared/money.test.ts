import { describe, expect, it } from 'vitest';
import { formatFen, parseMoney } from './money.js';

describe('money', () => {
  it('formats fen as yuan with two places', () => {
    expect([formatFen(0), formatFen(5), formatFen(1250), formatFen(-30)]).toEqual([
      '0.00',
      '0.05',
      '12.50',
      '-0.30',
    ]);
  });

  it('parses decimal strings to exact fen', () => {
    expect([parseMoney('12.5'), parseMoney('0.07'), parseMoney('3'), parseMoney('19.99')]).toEqual([
      1250, 7, 300, 1999,
    ]);
  });
});
