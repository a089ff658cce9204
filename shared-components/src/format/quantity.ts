/**
 * A count of units for people: 1234 → '1,234', with the unit when given ('12 瓶').
 * Signed changes (`signed: true`) always carry a sign: +5, −3, 0.
 */
export function formatQuantity(
  quantity: number | null | undefined,
  options: {
    /** Unit label appended after a space, e.g. '瓶' or 'pcs'. */
    unit?: string;
    /** Show '+' on positive numbers, for changes such as stock movements. @default false */
    signed?: boolean;
  } = {},
): string {
  if (quantity === null || quantity === undefined || Number.isNaN(quantity)) return '—';
  const digits = String(Math.trunc(Math.abs(quantity))).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = quantity < 0 ? '-' : options.signed && quantity > 0 ? '+' : '';
  return options.unit ? `${sign}${digits} ${options.unit}` : `${sign}${digits}`;
}
