import { describe, expect, it } from 'vitest';
import { assertValidAppTitles } from './assert-app-titles.js';

describe('assertValidAppTitles', () => {
  it('accepts locale tags mapped to short titles', () => {
    expect(() =>
      assertValidAppTitles('sales', { en: 'Sales', 'zh-Hant-TW': '銷售' }),
    ).not.toThrow();
  });

  it('refuses what is not an object of locale → non-empty title', () => {
    expect(() => assertValidAppTitles('sales', ['Sales'])).toThrow(
      /titles is \["Sales"\], not an object/,
    );
    expect(() => assertValidAppTitles('sales', { english: 'Sales' })).toThrow(
      /titles key 'english' is not a locale tag/,
    );
    expect(() => assertValidAppTitles('sales', { en: ' ' })).toThrow(/titles\.en is " "/);
    expect(() => assertValidAppTitles('sales', { en: 'S'.repeat(41) })).toThrow(
      /1 to 40 characters/,
    );
  });

  it('refuses more than 20 locales', () => {
    const many = Object.fromEntries(
      Array.from({ length: 21 }, (_, i) => [`x${String.fromCharCode(97 + i)}`, 'T']),
    );
    expect(() => assertValidAppTitles('sales', many)).toThrow(/titles lists 21 locales/);
  });
});
