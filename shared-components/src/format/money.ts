import { fenToYuan, yuanToFen } from '@mosaic/contracts';

// The conversion is the contract's (integer fen inside, decimal yuan strings in the API).
export { fenToYuan, MoneyFormatError, yuanToFen } from '@mosaic/contracts';

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * Money for people: '12.5' → '¥12.50', '-1234' → '-¥1,234.00', 1250 (fen) → '¥12.50'.
 * Accepts the API's decimal yuan string, or integer fen as a number. null/undefined → '—'.
 */
export function formatMoney(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const fen = typeof value === 'number' ? value : yuanToFen(value);
  const yuan = fenToYuan(Math.abs(fen));
  const [whole = '0', cents = '00'] = yuan.split('.');
  return `${fen < 0 ? '-' : ''}¥${groupThousands(whole)}.${cents}`;
}
