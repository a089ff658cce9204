import { z } from 'zod';

/** A price in the API: a decimal string of yuan with at most two places, e.g. `"12.50"`. */
export const moneySchema = z
  .string()
  .regex(/^\d{1,9}(\.\d{1,2})?$/, 'expected a decimal string of yuan such as "12.50"');

/** Fen (integer minor units, how money is stored and computed) to the API's decimal string. */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.round(fen));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** The API's decimal string to fen, without going through floating point. */
export function parseMoney(text: string): number {
  const [yuan = '0', fraction = ''] = text.split('.');
  return Number(yuan) * 100 + Number(fraction.padEnd(2, '0'));
}
