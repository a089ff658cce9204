import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { DOCUMENTS_FILE, loadDocument } from './graphql-documents.js';
import type { TrustedDocumentEntry } from './graphql-documents.js';

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
    load(id) {
      if (!id.endsWith('.graphql')) return null;
      const [file = id] = id.split('?');
      const document = loadDocument(file, (f) => {
        // A fragment file it imports changes the document: rebuild when it does.
        if (f !== file) this.addWatchFile(f);
        return readFileSync(f, 'utf8');
      });
      documents.set(file, document);
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
