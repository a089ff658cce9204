import { I18nProvider, useT } from '@mosaic/shared-components';
import type { Translate } from '@mosaic/shared-components';
import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { messages } from '../messages.js';
import {
  addProduct,
  draftTotals,
  hasErrors,
  removeLine,
  serverErrors,
  setQuantity,
  validateDraft,
} from './order-draft.js';
import type { PickedProduct } from './order-draft.js';

const cola: PickedProduct = {
  productId: 'p-cola',
  sku: 'DRK-001',
  name: '可乐 330ml',
  unit: '罐',
  unitPrice: '0.10',
  listPrice: '0.10',
  promotion: null,
  available: 5,
};
const chips: PickedProduct = {
  productId: 'p-chips',
  sku: 'SNK-002',
  name: '薯片',
  unit: '袋',
  unitPrice: '0.20',
  listPrice: '0.25',
  promotion: '满减',
  available: null,
};

describe('given a draft order', () => {
  it('adds one more when the same product is picked again', () => {
    const lines = addProduct(addProduct([], cola), cola);
    expect(lines).toHaveLength(1);
    expect(lines[0]?.quantity).toBe(2);
  });

  it('adds up totals in fen without float drift', () => {
    const lines = setQuantity(addProduct(addProduct([], cola), chips), 'p-chips', 1);
    expect(draftTotals(lines)).toEqual({
      itemCount: 2,
      listTotal: '0.35',
      total: '0.30',
      saving: '0.05',
    });
  });

  it('counts nothing for a quantity that is not a positive integer', () => {
    expect(draftTotals(setQuantity(addProduct([], cola), 'p-cola', 1.5)).total).toBe('0.00');
  });

  it('drops a removed line', () => {
    expect(removeLine(addProduct([], cola), 'p-cola')).toEqual([]);
  });
});

/** The app's `t` in one locale, as a screen gets it from I18nProvider. */
function translateIn(locale: string): Translate {
  const wrapper = ({ children }: { children: ReactNode }): React.JSX.Element => (
    <I18nProvider locale={locale} messages={messages}>
      {children}
    </I18nProvider>
  );
  return renderHook(() => useT(), { wrapper }).result.current;
}

describe('validateDraft', () => {
  const t = translateIn('zh-CN');

  it('needs at least one product', () => {
    expect(validateDraft([], t).form).toBe('请至少添加一件商品');
  });

  it('says so in English when the shell speaks English', () => {
    const en = translateIn('en-US');
    expect(validateDraft([], en).form).toBe('Add at least one product');
    expect(validateDraft(setQuantity(addProduct([], cola), 'p-cola', 6), en).lines['p-cola']).toBe(
      'Not enough stock: 5 available',
    );
  });

  it('refuses a zero or fractional quantity on that line', () => {
    expect(validateDraft(setQuantity(addProduct([], cola), 'p-cola', 0), t).lines['p-cola']).toBe(
      '数量须为正整数',
    );
    expect(validateDraft(setQuantity(addProduct([], cola), 'p-cola', 2.5), t).lines['p-cola']).toBe(
      '数量须为正整数',
    );
  });

  it('refuses more than is available', () => {
    expect(validateDraft(setQuantity(addProduct([], cola), 'p-cola', 6), t).lines['p-cola']).toBe(
      '库存不足：可用 5',
    );
  });

  it('lets through a product whose stock is unknown and a valid order', () => {
    const errors = validateDraft(
      setQuantity(addProduct(addProduct([], cola), chips), 'p-chips', 50),
      t,
    );
    expect(hasErrors(errors)).toBe(false);
  });
});

describe('serverErrors', () => {
  it('puts each field the server names on the line it indexes', () => {
    const lines = setQuantity(addProduct(addProduct([], cola), chips), 'p-chips', 0);
    const errors = serverErrors(lines, {
      message: 'body.lines.1.quantity: Too small: expected number to be >=1',
      fields: [{ path: 'lines.1.quantity', message: 'Too small: expected number to be >=1' }],
    });
    expect(errors).toEqual({
      lines: { 'p-chips': 'Too small: expected number to be >=1' },
    });
  });

  it('puts a field that is not a line, such as the customer, on the form', () => {
    const errors = serverErrors(addProduct([], cola), {
      message: "body.customerId: customer 'c-9' does not exist",
      fields: [{ path: 'customerId', message: "customer 'c-9' does not exist" }],
    });
    expect(errors).toEqual({ form: "customer 'c-9' does not exist", lines: {} });
  });

  it('puts a refusal that names no field on the form, even when it mentions a product', () => {
    const errors = serverErrors(addProduct([], cola), {
      message: 'product DRK-001 is discontinued',
      fields: [],
    });
    expect(errors).toEqual({ form: 'product DRK-001 is discontinued', lines: {} });
  });
});
