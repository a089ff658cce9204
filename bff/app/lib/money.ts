import { BffError, ErrorCode } from './errors.js';

const DECIMAL = /^(-?)(\d{1,12})(?:\.(\d{1,2}))?$/;

/** Fen (integer minor units) as a decimal yuan string: 1250 → "12.50". */
export function formatFen(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new Error(`money must be whole fen, got ${fen}`);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** A decimal yuan string to fen: "12.5" → 1250; anything else is a BAD_USER_INPUT. */
export function parseMoney(text: unknown): number {
  const match = typeof text === 'string' ? DECIMAL.exec(text) : null;
  if (!match) {
    throw new BffError(
      ErrorCode.BAD_USER_INPUT,
      `money must be a decimal string with at most two places, like "12.50"; got ${JSON.stringify(text)}`,
    );
  }
  const [, sign, whole = '0', cents = ''] = match;
  const fen = Number(whole) * 100 + Number(cents.padEnd(2, '0'));
  return sign ? -fen : fen;
}
