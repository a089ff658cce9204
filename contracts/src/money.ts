/**
 * Money: integer fen (minor units) inside every package, a decimal string of yuan in every API
 * (`"12.50"`); never a float. The one conversion both ways.
 */

/** A decimal string of yuan as the API carries it: optional minus, digits, up to two decimals. */
export const YUAN_PATTERN = /^(-)?(\d+)(?:\.(\d{1,2}))?$/;

/** Thrown when a value is not a decimal yuan string, or not a whole number of fen. */
export class MoneyFormatError extends Error {
  override readonly name = 'MoneyFormatError';
}

/**
 * Yuan as a decimal string (`'12.50'`, `'-3'`, `'0.5'`) to integer fen (1250, -300, 50). Parses
 * the digits as text, so no float rounding ever touches the amount.
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

/** Integer fen (1250) to the API's decimal yuan string (`'12.50'`). */
export function fenToYuan(fen: number): string {
  if (!Number.isSafeInteger(fen)) {
    throw new MoneyFormatError(`${fen} is not a whole number of fen: money is kept in integers`);
  }
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
