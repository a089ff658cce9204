import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MosaicError } from '../shared/mosaic-error.js';
import { GENERATED_TYPES_FILE, generateDocumentTypes } from './graphql-types.js';

const SCHEMA = `
scalar Money
type Query { product(id: ID!): Product }
type Product { id: ID! name: String! price: Money stock: Stock }
type Stock { onHand: Int! }
`;

function app(files: Record<string, string>): { src: string; schema: string } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'mosaic-types-'));
  const src = path.join(root, 'src');
  mkdirSync(src);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(src, name), text);
  writeFileSync(path.join(root, 'schema.graphql'), SCHEMA);
  return { src, schema: path.join(root, 'schema.graphql') };
}

describe('generateDocumentTypes', () => {
  it('types each operation from the schema and declares its .graphql module with those types', async () => {
    const { src, schema } = app({
      'product.graphql':
        '#import "./stock.graphql"\nquery Product($id: ID!) { product(id: $id) { id name price ...Stock } }\n',
      'stock.graphql': 'fragment Stock on Product { stock { onHand } }\n',
    });
    await generateDocumentTypes(src, [schema]);

    const types = readFileSync(path.join(src, GENERATED_TYPES_FILE), 'utf8');
    expect(types).toMatch(
      /export type ProductQuery = \{ product: \{ id: string, name: string, price: string \| null/,
    );
    expect(types).toContain('export type ProductQueryVariables');
    const declaration = readFileSync(path.join(src, 'product.d.graphql.ts'), 'utf8');
    expect(declaration).toContain('TrustedDocument<ProductQuery, ProductQueryVariables>');
    expect(declaration).toContain("from './graphql-types.generated.js'");
    // A fragment file is no module of its own.
    expect(existsSync(path.join(src, 'stock.d.graphql.ts'))).toBe(false);
  });

  it('stops the build on a document the schema refuses, naming the file and the mistake', async () => {
    const { src, schema } = app({ 'bad.graphql': 'query Bad { product(id: 1) { colour } }\n' });
    const error = await generateDocumentTypes(src, [schema]).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(MosaicError);
    expect((error as MosaicError).message).toContain('bad.graphql');
    expect((error as MosaicError).message).toContain('Cannot query field "colour"');
  });
});
