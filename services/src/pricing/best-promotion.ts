import type { PromotionKind } from './price.js';

/** A promotion as stored: money in fen. */
export interface PromotionRule {
  id: string;
  name: string;
  kind: PromotionKind;
  percentOff: number | null;
  fixedPriceFen: number | null;
  buy: number | null;
  free: number | null;
}

/** What one rule makes a line cost, in fen; never more than the undiscounted total. */
export function lineTotal(rule: PromotionRule, unitFen: number, quantity: number): number {
  const full = unitFen * quantity;
  switch (rule.kind) {
    case 'percent_off':
      // Rounded per unit, as a till prints it.
      return Math.round((unitFen * (100 - (rule.percentOff ?? 0))) / 100) * quantity;
    case 'fixed_price':
      return Math.min(unitFen, rule.fixedPriceFen ?? unitFen) * quantity;
    case 'buy_n': {
      const buy = rule.buy ?? 0;
      const free = rule.free ?? 0;
      if (buy < 1 || free < 1) return full;
      return (quantity - Math.floor(quantity / (buy + free)) * free) * unitFen;
    }
  }
}

/** The rule that makes the line cheapest, or null when none beats the list price. */
export function bestPromotion(
  rules: PromotionRule[],
  unitFen: number,
  quantity: number,
): { rule: PromotionRule | null; totalFen: number } {
  let best: { rule: PromotionRule | null; totalFen: number } = {
    rule: null,
    totalFen: unitFen * quantity,
  };
  for (const rule of rules) {
    const total = lineTotal(rule, unitFen, quantity);
    if (total < best.totalFen) best = { rule, totalFen: total };
  }
  return best;
}
