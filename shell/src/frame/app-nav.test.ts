import { describe, expect, it } from 'vitest';
import { navMarks } from './app-nav.js';

describe('navMarks', () => {
  it('gives each app the first letter of its title', () => {
    expect(navMarks(['库存', '销售', '商城'])).toEqual(['库', '销', '商']);
  });

  it('tells apart titles that start alike by their first two letters', () => {
    expect(navMarks(['Inventory', 'Sales', 'Shop'])).toEqual(['I', 'Sa', 'Sh']);
  });

  it('counts characters, not UTF-16 units, and ignores leading spaces', () => {
    expect(navMarks([' 𠀋字', '𠀋文'])).toEqual(['𠀋字', '𠀋文']);
  });
});
