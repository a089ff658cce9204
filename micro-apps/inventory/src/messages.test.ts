import { createTranslate } from '@mosaic/shared-components';
import { describe, expect, it } from 'vitest';
import { messages } from './messages.js';

describe('given an English reader', () => {
  it('counts one product, not 1 products', () => {
    const t = createTranslate('en-US', messages);
    expect(t('inv.summary', { count: 1 })).toBe('1 product');
    expect(t('inv.summary', { count: 1234 })).toBe('1,234 products');
  });
});

describe('given a Chinese reader', () => {
  it('counts products with the one Chinese form', () => {
    expect(createTranslate('zh-CN', messages)('inv.summary', { count: 1 })).toBe('共 1 件商品');
  });
});
