import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { DOCUMENTS_FILE, loadDocument } from './graphql-documents.js';
import type { TrustedDocumentEntry } from './graphql-documents.js';
import { findSchemaFiles, generateDocumentTypes } from './graphql-types.js';

/** Options of graphqlDocumentsPlugin. */
export interface GraphqlDocumentsPluginOptions {
  /**
   * Write `graphql-documents.json` into the build (the app's own output; not the shared-React
   * variant or tests). @default true
   */
  emit?: boolean;
  /**
   * Check the app's `.graphql` files against the BFF's schema and write their types
   * (`src/graphql-types.generated.ts`, `x.d.graphql.ts`) when the build or dev server starts
   * and when one changes. @default true
   */
  types?: boolean;
  /**
   * The BFF's schema: `.graphql` files or a folder of them. @default the repository's
   * `bff/app/graphql`, found upward from the app; none found: no types, no check.
   */
  schema?: string | string[];
}

/**
 * `mosaic:graphql-documents`: `import products from './products.graphql'` gives the app
 * `{id, operationName, text}` (the client sends the id), and the build emits
 * `graphql-documents.json` with every document imported, which `mosaic.json` then lists with
 * its sha256 like every other file. The BFF trusts exactly these documents. With `types`, the
 * documents are checked against the BFF's schema and typed (graphql-types.ts).
 */
export function graphqlDocumentsPlugin(options: GraphqlDocumentsPluginOptions = {}): Plugin {
  const { emit = true, types = true } = options;
  const documents = new Map<string, TrustedDocumentEntry>();
  let root = process.cwd();
  const generate = async (): Promise<void> => {
    if (!types) return;
    await generateDocumentTypes(path.join(root, 'src'), findSchemaFiles(root, options.schema));
  };
  return {
    name: 'mosaic:graphql-documents',
    configResolved(config) {
      root = config.root;
    },
    async buildStart() {
      await generate();
    },
    async handleHotUpdate({ file }) {
      if (file.endsWith('.graphql')) await generate();
    },
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
