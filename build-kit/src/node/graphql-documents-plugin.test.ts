import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MosaicError } from '../shared/mosaic-error.js';
import { readDocument } from './graphql-documents-plugin.js';

describe('readDocument', () => {
  it('gives one named operation its name, text and the sha256 of its exact bytes', () => {
    const text = '# the product page\nquery ShopItem($id: ID!) {\n  shopItem(id: $id) { id }\n}\n';
    expect(readDocument('shop-item.graphql', text)).toEqual({
      id: `sha256:${createHash('sha256').update(text).digest('hex')}`,
      operationName: 'ShopItem',
      text,
    });
  });

  it('refuses a file with two operations, or an anonymous one, naming the file', () => {
    for (const text of ['query A { a }\nquery B { b }\n', '{ shopItem(id: 1) { id } }\n']) {
      let error: unknown;
      try {
        readDocument('src/two.graphql', text);
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(MosaicError);
      expect((error as MosaicError).code).toBe('INVALID_APP_CONFIG');
      expect((error as MosaicError).message).toContain('src/two.graphql');
    }
  });
});
