import { describe, expect, it } from 'vitest';
import { fieldErrorsOf } from './field-errors.js';

function coded(code: string, message: string, extra: object = {}): Error {
  return Object.assign(new Error(message), { name: 'MosaicError', code, requestId: 'r-1' }, extra);
}

describe('fieldErrorsOf', () => {
  it('reads field errors the server put in extensions.fields', () => {
    const error = coded('BAD_USER_INPUT', 'invalid', {
      extensions: { fields: { sku: 'SKU 已存在', name: 42 } },
    });

    expect(fieldErrorsOf(error)).toEqual({
      fields: { sku: 'SKU 已存在' },
      message: undefined,
      requestId: 'r-1',
    });
  });

  it('routes a coded error to the field it concerns', () => {
    const error = coded('INSUFFICIENT_STOCK', 'only 3 on hand');

    expect(fieldErrorsOf(error, { INSUFFICIENT_STOCK: 'quantity' }).fields).toEqual({
      quantity: 'only 3 on hand',
    });
  });

  it('leaves anything else to the form-level message', () => {
    expect(fieldErrorsOf(coded('UPSTREAM_UNAVAILABLE', 'inventory is down'))).toEqual({
      fields: {},
      message: 'inventory is down',
      requestId: 'r-1',
    });
  });
});
