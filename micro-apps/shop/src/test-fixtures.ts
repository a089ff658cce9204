import type { ShopItem } from './catalogue/catalogue-query.js';

/** A plain catalogue item for the tests: green tea at ¥3.00, in stock, no promotion. */
export const greenTea: ShopItem = {
  id: 'p-tea',
  name: '绿茶',
  category: '饮料',
  unit: '瓶',
  image: null,
  price: '3.00',
  listPrice: '3.00',
  promotion: null,
  inStock: true,
};
