import { describe, expect, it } from 'vitest';
import { SHOP_CATALOGUE, SHOP_CATALOGUE_ID, SHOP_ITEM, SHOP_ITEM_ID } from './catalogue-query.js';

async function documentIdOf(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `sha256:${hex}`;
}

describe('the persisted catalogue operations', () => {
  it('name each query by the hash of its exact text', async () => {
    expect(SHOP_CATALOGUE_ID).toBe(await documentIdOf(SHOP_CATALOGUE));
    expect(SHOP_ITEM_ID).toBe(await documentIdOf(SHOP_ITEM));
  });
});
