import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Plugin } from 'vite';
import { MosaicError, MosaicErrorCode } from '../shared/mosaic-error.js';

/** One operation an app sends, as its bundle and `graphql-documents.json` carry it. */
export interface TrustedDocumentEntry {
  /** `sha256:<hex of text>`: what the client sends instead of the text. */
  id: string;
  operationName: string;
  text: string;
}

/** The file, next to `mosaic.json`, listing every operation the app's bundle can send. */
export const DOCUMENTS_FILE = 'graphql-documents.json';

const OPERATION = /^\s*(?:#[^\n]*\n\s*)*(query|mutation|subscription)\s+([A-Za-z_]\w*)/;

/** The id of a document text: the sha256 of its exact bytes, as the BFF computes it. */
export function documentId(text: string): string {
  return `sha256:${createHash('sha256').update(text).digest('hex')}`;
}

/**
 * Read one `.graphql` file as a trusted document: exactly one named operation per file, so its
 * id, name and text travel together and nothing is copied by hand.
 */
export function readDocument(file: string, text: string): TrustedDocumentEntry {
  const match = OPERATION.exec(text);
  const count = text.match(/^\s*(query|mutation|subscription)\b/gm)?.length ?? 0;
  if (!match || count !== 1) {
    throw new MosaicError(
      MosaicErrorCode.INVALID_APP_CONFIG,
      `${file} must hold exactly one named operation (e.g. "query Products { … }"); found ${count}`,
    );
  }
  return { id: documentId(text), operationName: match[2]!, text };
}

/**
 * `mosaic:graphql-documents`: `import products from './products.graphql'` gives the app
 * `{id, operationName, text}` (the client sends the id), and the build emits
 * `graphql-documents.json` with every document imported, which `mosaic.json` then lists with
 * its sha256 like every other file. The BFF trusts exactly these documents. `emit: false` for
 * builds that are not the app's own output (the shared-React script, tests).
 */
export function graphqlDocumentsPlugin({ emit = true }: { emit?: boolean } = {}): Plugin {
  const documents = new Map<string, TrustedDocumentEntry>();
  return {
    name: 'mosaic:graphql-documents',
    async load(id) {
      if (!id.endsWith('.graphql')) return null;
      const document = readDocument(id, await readFile(id, 'utf8'));
      documents.set(id, document);
      return `export default ${JSON.stringify(document)};\n`;
    },
    generateBundle() {
      if (!emit || documents.size === 0) return;
      const list = [...documents.values()].sort((a, b) =>
        a.operationName.localeCompare(b.operationName),
      );
      this.emitFile({
        type: 'asset',
        fileName: DOCUMENTS_FILE,
        source: `${JSON.stringify({ documents: list }, null, 2)}\n`,
      });
    },
  };
}
