import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MosaicError } from '../shared/mosaic-error.js';
import { collectDocuments, loadDocument } from './graphql-documents.js';

function files(entries: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mosaic-documents-'));
  for (const [name, text] of Object.entries(entries)) writeFileSync(path.join(dir, name), text);
  return dir;
}

function refusal(run: () => unknown): MosaicError {
  try {
    run();
  } catch (err) {
    if (err instanceof MosaicError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('loadDocument', () => {
  it('gives one named operation its name, kind, text and the sha256 of its exact bytes', () => {
    const text = '# the product page\nquery ShopItem($id: ID!) {\n  shopItem(id: $id) { id }\n}\n';
    const dir = files({ 'shop-item.graphql': text });
    expect(loadDocument(path.join(dir, 'shop-item.graphql'))).toEqual({
      id: `sha256:${createHash('sha256').update(text).digest('hex')}`,
      operationName: 'ShopItem',
      text,
      kind: 'query',
    });
  });

  it('calls a mutation a mutation, even with a field named query', () => {
    const text = 'mutation Place($query: String) {\n  place(query: $query) { id }\n}\n';
    const dir = files({ 'place.graphql': text });
    expect(loadDocument(path.join(dir, 'place.graphql')).kind).toBe('mutation');
  });

  it('appends the fragment files an operation imports, each once, and hashes the whole', () => {
    const dir = files({
      'product.graphql':
        '#import "./stock.graphql"\n#import "./price.graphql"\nquery P { product(id: 1) { ...Stock ...Price } }\n',
      'stock.graphql':
        '#import "./price.graphql"\nfragment Stock on Product { stock { onHand } }\n',
      'price.graphql': 'fragment Price on Product { price { current } }\n',
    });
    const document = loadDocument(path.join(dir, 'product.graphql'));
    expect(document.text.match(/fragment Price/g)).toHaveLength(1);
    expect(document.text).toContain('fragment Stock on Product');
    expect(document.id).toBe(`sha256:${createHash('sha256').update(document.text).digest('hex')}`);
    // The fragment files are not documents of their own.
    expect(collectDocuments(dir).map((d) => d.operationName)).toEqual(['P']);
  });

  it('refuses two operations in a file, an anonymous one, or an imported operation, naming the file', () => {
    const dir = files({
      'two.graphql': 'query A { a }\nquery B { b }\n',
      'anonymous.graphql': '{ shopItem(id: 1) { id } }\n',
      'nameless.graphql': 'query { ping }\n',
      'imports-op.graphql': '#import "./two.graphql"\nquery C { c }\n',
    });
    for (const name of ['two', 'anonymous', 'nameless', 'imports-op']) {
      const error = refusal(() => loadDocument(path.join(dir, `${name}.graphql`)));
      expect(error.code).toBe('INVALID_APP_CONFIG');
      expect(error.message).toContain(`${name}.graphql`);
    }
  });
});
