import { describe, expect, it } from 'vitest';
import { valueChanges } from './value-changes.js';

describe('given an operation with values before and after', () => {
  it('shows a stock adjustment as the on-hand count before and after', () => {
    const before = JSON.stringify({ productId: 'p', warehouseId: 'w', onHand: 10 });
    const after = JSON.stringify({
      productId: 'p',
      warehouseId: 'w',
      onHand: 13,
      quantity: 3,
      reason: 'recount',
    });
    expect(valueChanges(before, after)).toEqual([{ field: 'onHand', before: '10', after: '13' }]);
  });

  it('shows a cancelled order as its status before and after', () => {
    expect(
      valueChanges('{"status":"confirmed"}', '{"status":"cancelled","number":"SO-000042"}'),
    ).toEqual([{ field: 'status', before: 'confirmed', after: 'cancelled' }]);
  });

  it('shows a few plain fields of something created', () => {
    const after = JSON.stringify({ id: 'c1', name: '新客户', phone: '139', address: null, x: 1 });
    expect(valueChanges(null, after).map((c) => c.field)).toEqual(['name', 'phone', 'x']);
  });

  it('shows nothing for values it cannot read', () => {
    expect(valueChanges('not json', null)).toEqual([]);
  });
});
