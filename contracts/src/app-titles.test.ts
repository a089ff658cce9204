import { describe, expect, it } from 'vitest';
import { appTitleFor } from './app-titles.js';

describe('appTitleFor', () => {
  const sales = { title: '销售', titles: { en: 'Sales', 'zh-TW': '銷售' } };

  it('gives the title of the locale’s language when no exact tag matches', () => {
    expect(appTitleFor(sales, 'en-US')).toBe('Sales');
  });

  it('prefers the exact tag, whatever its case', () => {
    expect(appTitleFor(sales, 'zh-tw')).toBe('銷售');
  });

  it('falls back to the default title for a locale it has no title for', () => {
    expect(appTitleFor(sales, 'zh-CN')).toBe('销售');
    expect(appTitleFor(sales, 'fr-FR')).toBe('销售');
  });

  it('gives the default title to an app built before titles existed', () => {
    expect(appTitleFor({ title: '库存' }, 'en-US')).toBe('库存');
  });
});
