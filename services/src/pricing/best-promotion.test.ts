import { describe, expect, it } from 'vitest';
import { bestPromotion, type PromotionRule } from './best-promotion.js';

const rule = (over: Partial<PromotionRule>): PromotionRule => ({
  id: 'p',
  name: 'p',
  kind: 'percent_off',
  percentOff: null,
  fixedPriceFen: null,
  buy: null,
  free: null,
  ...over,
});

describe('bestPromotion', () => {
  it('takes percent off each unit', () => {
    expect(bestPromotion([rule({ percentOff: 10 })], 350, 3).totalFen).toBe(315 * 3);
  });

  it('applies a fixed price only when it is lower than the list price', () => {
    expect(
      bestPromotion([rule({ kind: 'fixed_price', fixedPriceFen: 990 })], 1380, 2).totalFen,
    ).toBe(1980);
    expect(
      bestPromotion([rule({ kind: 'fixed_price', fixedPriceFen: 990 })], 500, 2).rule,
    ).toBeNull();
  });

  it('gives one free for every buy-2-get-1 group', () => {
    const buyTwo = rule({ kind: 'buy_n', buy: 2, free: 1 });
    expect(bestPromotion([buyTwo], 750, 2).rule).toBeNull();
    expect(bestPromotion([buyTwo], 750, 3).totalFen).toBe(1500);
    expect(bestPromotion([buyTwo], 750, 7).totalFen).toBe(750 * 5);
  });

  it('picks the rule that makes the line cheapest', () => {
    const result = bestPromotion(
      [rule({ id: 'ten', percentOff: 10 }), rule({ id: 'half', kind: 'buy_n', buy: 1, free: 1 })],
      1000,
      4,
    );
    expect(result).toMatchObject({ totalFen: 2000, rule: { id: 'half' } });
  });
});
