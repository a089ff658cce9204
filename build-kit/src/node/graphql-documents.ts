import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { buildASTSchema, getOperationAST, parse, validate } from 'graphql';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { MosaicError, MosaicErrorCode } from '../shared/mosaic-error.js';

/** One operation an app sends, as its bundle and `graphql-documents.json` carry it. */
export interface TrustedDocumentEntry {
  /** `sha256:<hex of text>`: what the client sends instead of the text. */
  id: string;
  operationName: string;
  /** The operation file's text, then every fragment file it imports (`#import "./x.graphql"`). */
  text: string;
  /**
   * What the operation is, read from the parsed text: the client marks queries read-only
   * (`READ_ONLY_HEADER`), so a load balancer may replay them. Absent when the text does not parse.
   */
  kind?: 'query' | 'mutation' | 'subscription';
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
  const kind = operationKindOf(text);
  return { id: documentId(text), operationName, text, ...(kind ? { kind } : {}) };
}

/** The kind of the document's one operation, or undefined when it does not parse. */
function operationKindOf(text: string): TrustedDocumentEntry['kind'] {
  try {
    return getOperationAST(parse(text))?.operation;
  } catch {
    return undefined;
  }
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

/**
 * The BFF's schema as SDL files: every `<dir>/*\/schema.graphql`, or the files given. In this
 * repository the BFF's folder is found from the app (`../../bff/app/graphql`); an app elsewhere
 * passes `graphqlSchema` (a copy of the SDL its BFF serves).
 */
export function findSchemaFiles(appRoot: string, given?: string | string[]): string[] {
  if (given !== undefined) {
    const files = (Array.isArray(given) ? given : [given]).map((f) => path.resolve(appRoot, f));
    const expanded = files.flatMap((f) =>
      existsSync(f) && !f.endsWith('.graphql') ? sdlIn(f) : [f],
    );
    for (const file of expanded) {
      if (!existsSync(file)) {
        throw new MosaicError(
          MosaicErrorCode.INVALID_APP_CONFIG,
          `graphqlSchema names ${file}, which does not exist: point it at the BFF's schema (.graphql files or their folder)`,
        );
      }
    }
    return expanded;
  }
  for (let dir = path.resolve(appRoot); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'bff', 'app', 'graphql');
    if (existsSync(candidate)) return sdlIn(candidate);
    if (path.dirname(dir) === dir) return [];
  }
}

/** `schema.graphql` of each module folder under `dir`, or the `.graphql` files in it. */
function sdlIn(dir: string): string[] {
  const entries = readdirSync(dir, { withFileTypes: true });
  const modules = entries
    .filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, 'schema.graphql')))
    .map((e) => path.join(dir, e.name, 'schema.graphql'));
  const flat = entries.filter((e) => e.isFile() && e.name.endsWith('.graphql'));
  return [...modules, ...flat.map((e) => path.join(dir, e.name))].sort();
}

/** The BFF's schema, parsed once: its AST (what GraphQL Code Generator takes) and whether it builds. */
export function loadSchema(schemaFiles: string[]): { ast: DocumentNode; schema: GraphQLSchema } {
  try {
    const ast = parse(schemaFiles.map((f) => readFileSync(f, 'utf8')).join('\n'));
    return { ast, schema: buildASTSchema(ast) };
  } catch (err) {
    refuse(
      `the BFF schema (${schemaFiles.length} files) does not build: ${(err as Error).message}`,
    );
  }
}

/**
 * Each document's mistakes against the schema, one line each (`  <label>: <message>`): the one
 * check both an app's build and the BFF's build run.
 */
export function schemaProblems(
  schema: GraphQLSchema,
  documents: readonly { label: string; text: string }[],
): string[] {
  return documents.flatMap(({ label, text }) => {
    let errors: readonly { message: string }[];
    try {
      errors = validate(schema, parse(text));
    } catch (err) {
      errors = [err as Error];
    }
    return errors.map((e) => `  ${label}: ${e.message}`);
  });
}
