import { describe, expect, it } from 'vitest';
import { fieldsFromReason } from './field_errors.js';

describe('fieldsFromReason', () => {
  it('reads the field a service names in its 400', () => {
    expect(fieldsFromReason('body.lines.0.quantity: Too small: expected number to be >=1')).toEqual(
      [{ path: 'lines.0.quantity', message: 'Too small: expected number to be >=1' }],
    );
    expect(fieldsFromReason("query.status: Invalid option: expected one of 'draft'")).toEqual([
      { path: 'status', message: "Invalid option: expected one of 'draft'" },
    ]);
  });

  it('names no field when the reason does not', () => {
    expect(fieldsFromReason('body: invalid value')).toEqual([]);
    expect(fieldsFromReason('order 7 is cancelled; only a draft can be confirmed')).toEqual([]);
  });
});
