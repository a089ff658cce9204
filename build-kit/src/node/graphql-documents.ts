import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { MosaicError, MosaicErrorCode } from '../shared/mosaic-error.js';

/** One operation an app sends, as its bundle and `graphql-documents.json` carry it. */
export interface TrustedDocumentEntry {
  /** `sha256:<hex of text>`: what the client sends instead of the text. */
  id: string;
  operationName: string;
  /** The operation file's text, then every fragment file it imports (`#import "./x.graphql"`). */
  text: string;
}

/** The file, next to `mosaic.json`, listing every operation the app's bundle can send. */
export const DOCUMENTS_FILE = 'graphql-documents.json';

const OPERATION = /^\s*(query|mutation|subscription)\b\s*([A-Za-z_]\w*)?/gm;
const FRAGMENT = /^\s*fragment\s+[A-Za-z_]\w*\s+on\s/m;
const IMPORT = /^#import\s+["']([^"']+\.graphql)["']\s*$/gm;

/** The id of a document text: the sha256 of its exact bytes, as the BFF computes it. */
export function documentId(text: string): string {
  return `sha256:${createHash('sha256').update(text).digest('hex')}`;
}

function refuse(message: string): never {
  throw new MosaicError(MosaicErrorCode.INVALID_APP_CONFIG, message);
}

/** What one `.graphql` file holds: one named operation, or fragments only (to be imported). */
function kindOf(file: string, text: string): { operationName?: string } {
  const operations = [...text.matchAll(OPERATION)];
  if (operations.length === 0) {
    if (FRAGMENT.test(text)) return {};
    refuse(`${file} holds no operation and no fragment: write one "query Name { … }" per file`);
  }
  const name = operations[0]?.[2];
  if (operations.length > 1 || !name) {
    refuse(
      `${file} must hold exactly one named operation (e.g. "query Products { … }"); found ${operations.length}${name ? '' : ' without a name'}`,
    );
  }
  return { operationName: name };
}

/**
 * The text a `.graphql` file sends: its own, then each fragment file it imports with
 * `#import "./fields.graphql"` (followed, each once, depth first). Returns the files read too,
 * so a dev server can watch them.
 */
export function assembleDocument(
  file: string,
  read: (file: string) => string = (f) => readFileSync(f, 'utf8'),
): { text: string; files: string[]; operationName?: string } {
  const seen = new Set<string>();
  const parts: string[] = [];
  const visit = (current: string, from?: string): void => {
    const resolved = path.resolve(current);
    if (seen.has(resolved)) return;
    seen.add(resolved);
    let text: string;
    try {
      text = read(resolved);
    } catch {
      refuse(`${from ?? 'the build'} imports ${current}, which cannot be read`);
    }
    if (from !== undefined && [...text.matchAll(OPERATION)].length > 0) {
      refuse(`${from} imports ${current}, which holds an operation: import fragment files only`);
    }
    parts.push(text);
    for (const [, target] of text.matchAll(IMPORT)) {
      visit(path.resolve(path.dirname(resolved), target!), resolved);
    }
  };
  visit(file);
  const own = parts[0] ?? '';
  const joined = parts.map((p) => (p.endsWith('\n') ? p : `${p}\n`)).join('');
  return { text: parts.length === 1 ? own : joined, files: [...seen], ...kindOf(file, own) };
}

/** The trusted document of one operation file (throws INVALID_APP_CONFIG for a fragment file). */
export function loadDocument(file: string, read?: (file: string) => string): TrustedDocumentEntry {
  const { text, operationName } = assembleDocument(file, read);
  if (!operationName) refuse(`${file} holds fragments only: import it from an operation file`);
  return { id: documentId(text), operationName, text };
}

/** Every `.graphql` file under `dir` (node_modules and dist skipped). */
export function graphqlFilesUnder(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        return entry.name === 'node_modules' || entry.name === 'dist'
          ? []
          : graphqlFilesUnder(full);
      }
      return entry.isFile() && entry.name.endsWith('.graphql') ? [full] : [];
    })
    .sort();
}

/**
 * Every operation under an app's `src/`, as trusted documents (fragment files are part of the
 * operations that import them). The BFF's build trusts exactly these, by the same ids.
 */
export function collectDocuments(srcDir: string): TrustedDocumentEntry[] {
  return graphqlFilesUnder(srcDir)
    .filter((file) => kindOf(file, readFileSync(file, 'utf8')).operationName)
    .map((file) => loadDocument(file));
}
