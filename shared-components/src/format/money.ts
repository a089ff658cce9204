/** A decimal string in yuan as the API sends it: optional minus, digits, up to two decimals. */
const YUAN_PATTERN = /^(-)?(\d+)(?:\.(\d{1,2}))?$/;

/** Thrown when a money value is not a decimal yuan string or an integer number of fen. */
export class MoneyFormatError extends Error {
  override readonly name = 'MoneyFormatError';
}

/**
 * Yuan as a decimal string ('12.50', '-3', '0.5') to integer fen (1250, -300, 50).
 * Parses the digits as text, so no float rounding ever touches the amount.
 */
export function yuanToFen(yuan: string): number {
  const match = YUAN_PATTERN.exec(yuan.trim());
  if (!match) {
    throw new MoneyFormatError(
      `'${yuan}' is not an amount in yuan: write digits with up to two decimals, e.g. '12.50'`,
    );
  }
  const [, minus, whole = '0', decimals = ''] = match;
  const fen = Number(whole) * 100 + Number(decimals.padEnd(2, '0'));
  if (!Number.isSafeInteger(fen)) throw new MoneyFormatError(`'${yuan}' is too large an amount`);
  return minus && fen !== 0 ? -fen : fen;
}

/** Integer fen (1250) to the API's decimal yuan string ('12.50'). */
export function fenToYuan(fen: number): string {
  if (!Number.isSafeInteger(fen)) {
    throw new MoneyFormatError(`${fen} is not a whole number of fen: money is kept in integers`);
  }
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = Math.trunc(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  return `${sign}${whole}.${cents}`;
}

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
