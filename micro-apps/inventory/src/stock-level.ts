/** Below this many units on hand, a product is flagged as low stock. */
export const LOW_STOCK_THRESHOLD = 10;

export function isLowStock(onHand: number): boolean {
  return onHand < LOW_STOCK_THRESHOLD;
}
