import { describe, expect, it } from 'vitest';
import PLACE_SHOP_ORDER from '../checkout/place-shop-order.graphql';
import { SHOP_CATALOGUE, SHOP_ITEM } from './catalogue-query.js';

async function documentIdOf(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `sha256:${hex}`;
}

describe('the operations the shop sends', () => {
  it('are named by the hash of their exact text, which is what the BFF trusts', async () => {
    for (const document of [SHOP_CATALOGUE, SHOP_ITEM, PLACE_SHOP_ORDER]) {
      expect(document.id).toBe(await documentIdOf(document.text));
    }
    expect([SHOP_CATALOGUE, SHOP_ITEM, PLACE_SHOP_ORDER].map((d) => d.operationName)).toEqual([
      'ShopCatalogue',
      'ShopItem',
      'PlaceShopOrder',
    ]);
  });
});
