import { fenToYuan, yuanToFen } from '@mosaic/shared-components';
import type { Translate } from '@mosaic/shared-components';

/** A product on the order being written, with what the picker knew about it. */
export interface DraftLine {
  productId: string;
  sku: string;
  name: string;
  unit: string;
  /** Price after promotion, decimal yuan from the API. */
  unitPrice: string;
  /** Price-list price, decimal yuan. */
  listPrice: string;
  promotion: string | null;
  /** Stock free to sell, or null when inventory could not say. */
  available: number | null;
  quantity: number;
}

export type PickedProduct = Omit<DraftLine, 'quantity'>;

/** Adds one of a product, or one more when it is on the order already. */
export function addProduct(lines: readonly DraftLine[], product: PickedProduct): DraftLine[] {
  const found = lines.find((line) => line.productId === product.productId);
  if (found) {
    return lines.map((line) => (line === found ? { ...line, quantity: line.quantity + 1 } : line));
  }
  return [...lines, { ...product, quantity: 1 }];
}

export function setQuantity(
  lines: readonly DraftLine[],
  productId: string,
  quantity: number,
): DraftLine[] {
  return lines.map((line) => (line.productId === productId ? { ...line, quantity } : line));
}

export function removeLine(lines: readonly DraftLine[], productId: string): DraftLine[] {
  return lines.filter((line) => line.productId !== productId);
}

export interface DraftTotals {
  itemCount: number;
  /** At list prices, decimal yuan. */
  listTotal: string;
  /** After promotions, decimal yuan: what the order should come to. */
  total: string;
  /** listTotal − total, decimal yuan. */
  saving: string;
}

/** Totals in integer fen, so 0.1 + 0.2 is 0.30 and never 0.30000000000000004. */
export function draftTotals(lines: readonly DraftLine[]): DraftTotals {
  let items = 0;
  let listFen = 0;
  let totalFen = 0;
  for (const line of lines) {
    const quantity = Number.isInteger(line.quantity) && line.quantity > 0 ? line.quantity : 0;
    items += quantity;
    listFen += yuanToFen(line.listPrice) * quantity;
    totalFen += yuanToFen(line.unitPrice) * quantity;
  }
  return {
    itemCount: items,
    listTotal: fenToYuan(listFen),
    total: fenToYuan(totalFen),
    saving: fenToYuan(listFen - totalFen),
  };
}

export const MAX_QUANTITY = 9999;

export interface DraftErrors {
  /** About the order as a whole. */
  form?: string;
  /** By product id. */
  lines: Record<string, string>;
}

/** What must be fixed before the order can be sent, in `t`'s words; empty `lines` and no `form` mean none. */
export function validateDraft(lines: readonly DraftLine[], t: Translate): DraftErrors {
  const errors: DraftErrors = { lines: {} };
  if (lines.length === 0) errors.form = t('sales.form.noLines');
  for (const line of lines) {
    if (!Number.isInteger(line.quantity) || line.quantity < 1) {
      errors.lines[line.productId] = t('sales.form.wholeQuantity');
    } else if (line.quantity > MAX_QUANTITY) {
      errors.lines[line.productId] = t('sales.form.maxQuantity', { max: MAX_QUANTITY });
    } else if (line.available !== null && line.quantity > line.available) {
      errors.lines[line.productId] = t('sales.form.insufficient', {
        available: Math.max(line.available, 0),
      });
    }
  }
  return errors;
}

export function hasErrors(errors: DraftErrors): boolean {
  return errors.form !== undefined || Object.keys(errors.lines).length > 0;
}

/** A bad input field the BFF named (`MosaicError.fields`), e.g. `lines.1.quantity`. */
export interface FieldFailure {
  path: string;
  message: string;
}

/**
 * Places a server's refusal next to what it names: each `lines.<i>.…` field on the i-th line
 * sent (the request sends `lines` in draft order), anything else on the form.
 */
export function serverErrors(
  lines: readonly DraftLine[],
  failure: { message: string; fields: readonly FieldFailure[] },
): DraftErrors {
  const errors: DraftErrors = { lines: {} };
  const rest: string[] = [];
  for (const field of failure.fields) {
    const index = /^lines\.(\d+)(?:\.|$)/.exec(field.path)?.[1];
    const line = index === undefined ? undefined : lines[Number(index)];
    if (line) errors.lines[line.productId] = field.message;
    else rest.push(field.message);
  }
  if (failure.fields.length === 0) rest.push(failure.message);
  if (rest.length > 0) errors.form = rest.join('；');
  return errors;
}
