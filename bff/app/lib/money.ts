import { MoneyFormatError, fenToYuan, yuanToFen } from '@mosaic/contracts';
import { BffError, ErrorCode } from './http/errors.js';

/** Fen (integer minor units) as a decimal yuan string: 1250 → "12.50". */
export function formatFen(fen: number): string {
  return fenToYuan(fen);
}

/** A decimal yuan string to fen: "12.5" → 1250; anything else is a BAD_USER_INPUT. */
export function parseMoney(text: unknown): number {
  try {
    if (typeof text !== 'string') throw new MoneyFormatError('not a string');
    return yuanToFen(text);
  } catch (err) {
    if (!(err instanceof MoneyFormatError)) throw err;
    throw new BffError(
      ErrorCode.BAD_USER_INPUT,
      `money must be a decimal string with at most two places, like "12.50"; got ${JSON.stringify(text)}`,
    );
  }
}
