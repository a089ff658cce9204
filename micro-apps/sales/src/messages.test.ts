import { createTranslate } from '@mosaic/shared-components';
import { describe, expect, it } from 'vitest';
import { messages } from './messages.js';

describe('given an English reader', () => {
  it('counts one item and one order in the singular', () => {
    const t = createTranslate('en-US', messages);
    expect(t('sales.form.items', { count: 1 })).toBe('1 item');
    expect(t('sales.form.items', { count: 2500 })).toBe('2,500 items');
    expect(t('sales.order.summary', { count: 1 })).toBe('1 item, total');
    expect(t('sales.customer.recentOnly', { count: 1 })).toBe('Showing the latest order only.');
    expect(t('sales.customer.recentOnly', { count: 20 })).toBe(
      'Showing the latest 20 orders only.',
    );
  });
});
