import { fenToYuan, yuanToFen } from '@mosaic/contracts';
import { z } from 'zod';

/** A price in the API: a decimal string of yuan with at most two places, e.g. `"12.50"`. */
export const moneySchema = z
  .string()
  .regex(/^\d{1,9}(\.\d{1,2})?$/, 'expected a decimal string of yuan such as "12.50"');

/**
 * Fen (integer minor units, how money is stored and computed) to the API's decimal string;
 * a computed share (a percentage off) is rounded to the nearest fen first.
 */
export function formatFen(fen: number): string {
  return fenToYuan(Math.round(fen));
}

/** The API's decimal string (already checked by `moneySchema`) to fen. */
export function parseMoney(text: string): number {
  return yuanToFen(text);
}
