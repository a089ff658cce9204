import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { codegen } from '@graphql-codegen/core';
import * as operationsPlugin from '@graphql-codegen/typescript-operations';
import { buildSchema, parse, validate } from 'graphql';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { MosaicError, MosaicErrorCode } from '../shared/mosaic-error.js';
import { assembleDocument, graphqlFilesUnder } from './graphql-documents.js';

/** The file, in the app's `src/`, holding the types of every operation it sends. */
export const GENERATED_TYPES_FILE = 'graphql-types.generated.ts';

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

/** Type names graphql-codegen gives an operation: `InventoryProducts` + `Query`. */
function typeNames(text: string, operationName: string): { data: string; variables: string } {
  const kind = /\b(query|mutation|subscription)\s+[A-Za-z_]/.exec(text)?.[1] ?? 'query';
  const data = `${operationName}${kind[0]!.toUpperCase()}${kind.slice(1)}`;
  return { data, variables: `${data}Variables` };
}

function writeIfChanged(file: string, text: string): void {
  if (existsSync(file) && readFileSync(file, 'utf8') === text) return;
  writeFileSync(file, text);
}

/**
 * Check every operation under `srcDir` against the BFF's schema and write their TypeScript types
 * with GraphQL Code Generator: `graphql-types.generated.ts` (every operation's result and
 * variables) and, beside each `x.graphql`, `x.d.graphql.ts`, so `import X from './x.graphql'` is
 * a `TrustedDocument<XQuery, XQueryVariables>` and `ctx.graphql.request(X, …)` is typed without a
 * hand-written type (TypeScript's `allowArbitraryExtensions`). A document the schema refuses
 * stops the build, naming the file and the mistake. Returns the files written or kept.
 */
export async function generateDocumentTypes(
  srcDir: string,
  schemaFiles: string[],
): Promise<string[]> {
  const files = graphqlFilesUnder(srcDir);
  if (files.length === 0 || schemaFiles.length === 0) return [];
  let schema: GraphQLSchema;
  try {
    schema = buildSchema(schemaFiles.map((f) => readFileSync(f, 'utf8')).join('\n'));
  } catch (err) {
    throw new MosaicError(
      MosaicErrorCode.INVALID_APP_CONFIG,
      `the BFF schema (${schemaFiles.length} files) does not build: ${(err as Error).message}`,
    );
  }
  const operations: { file: string; operationName: string; document: DocumentNode }[] = [];
  const fragmentFiles = new Map<string, DocumentNode>();
  const problems: string[] = [];
  for (const file of files) {
    const assembled = assembleDocument(file);
    const document = parse(assembled.text);
    if (!assembled.operationName) {
      fragmentFiles.set(file, parse(readFileSync(file, 'utf8')));
      continue;
    }
    for (const error of validate(schema, document)) {
      problems.push(`  ${path.relative(srcDir, file)}: ${error.message}`);
    }
    operations.push({
      file,
      operationName: assembled.operationName,
      document: parse(readFileSync(file, 'utf8')),
    });
  }
  if (problems.length > 0) {
    throw new MosaicError(
      MosaicErrorCode.INVALID_APP_CONFIG,
      `the app's GraphQL documents do not match the BFF's schema:\n${problems.join('\n')}`,
    );
  }
  const typesFile = path.join(srcDir, GENERATED_TYPES_FILE);
  const output = await codegen({
    filename: typesFile,
    schema: parse(schemaFiles.map((f) => readFileSync(f, 'utf8')).join('\n')),
    documents: [
      ...operations,
      ...[...fragmentFiles].map(([file, document]) => ({ file, document })),
    ].map(({ file, document }) => ({ location: file, document })),
    config: {
      onlyOperationTypes: true,
      enumsAsTypes: true,
      avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
      scalars: { Money: 'string' },
      skipTypename: true,
    },
    plugins: [{ typescriptOperations: {} }],
    pluginMap: { typescriptOperations: operationsPlugin },
  });
  writeIfChanged(
    typesFile,
    `// Generated by build-kit (GraphQL Code Generator) from the app's .graphql files and the BFF's\n// schema. Do not edit: change the .graphql file and build.\n/* eslint-disable */\n${output}`,
  );
  const written = [typesFile];
  for (const { file, operationName } of operations) {
    const { data, variables } = typeNames(readFileSync(file, 'utf8'), operationName);
    const declaration = file.replace(/\.graphql$/, '.d.graphql.ts');
    let relative = path.relative(path.dirname(file), typesFile).replace(/\.ts$/, '.js');
    if (!relative.startsWith('.')) relative = `./${relative}`;
    writeIfChanged(
      declaration,
      `// Generated by build-kit from ${path.basename(file)}. Do not edit.\nimport type { TrustedDocument } from '@mosaic/build-kit';\nimport type { ${data}, ${variables} } from '${relative}';\n\ndeclare const document: TrustedDocument<${data}, ${variables}>;\nexport default document;\n`,
    );
    written.push(declaration);
  }
  return written;
}
