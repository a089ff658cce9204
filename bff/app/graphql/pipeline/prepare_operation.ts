import { createHash } from 'node:crypto';
import { GraphQLError, getOperationAST, parse as parseGraphql, validate } from 'graphql';
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import type { CompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';
import { ErrorCode } from '../../lib/http/errors.js';
import type { OperationFacts } from './plugin.js';
import { withCode } from './with_code.js';

/** A document the pipeline has parsed, limit-checked, validated and compiled once. */
export interface PreparedOperation {
  /** Short, stable id of the text and operation name: part of response cache keys. */
  id: string;
  document: DocumentNode;
  /** The operation's own name, or undefined when anonymous. */
  name: string | undefined;
  kind: 'query' | 'mutation' | 'subscription';
  /** The compiled executor (graphql-jit). */
  compiled: CompiledQuery;
  /**
   * Root fields it selects that run only from a trusted document (`@trustedDocumentsOnly`), as
   * the trusted documents plugin found them; empty without it.
   */
  trustedOnly: readonly string[];
}

/** Either a runnable operation, or why it was refused (parse, limits, validation). */
export type Preparation =
  { ok: true; operation: PreparedOperation } | { ok: false; errors: readonly GraphQLError[] };

/** Options of createOperationCache: the schema and the plugins' preparation hooks. */
export interface OperationCacheOptions {
  schema: GraphQLSchema;
  /** Parse the text. @default graphql-js's `parse`, with parse errors coded */
  parse?: (text: string) => DocumentNode;
  /** Checks before the standard validation (the limits); the first that fails refuses. */
  checks?: readonly ((schema: GraphQLSchema, document: DocumentNode) => readonly GraphQLError[])[];
  /** Facts about each valid operation (which fields need a trusted document). */
  describers?: readonly ((
    schema: GraphQLSchema,
    document: DocumentNode,
    definition: OperationDefinitionNode,
  ) => OperationFacts)[];
  /** Distinct documents kept prepared; the least recently used go first. @default 1000 */
  maxEntries?: number;
}

export interface OperationCache {
  /** The prepared operation for this text and name, from the cache or prepared now. */
  prepare(text: string, operationName: string | undefined): Preparation;
}

/**
 * Parse, the plugins' checks (the limits), validation and compilation happen once per distinct
 * document and operation name, not once per request: the apps send the same few documents all
 * day. Refusals are kept too, so a client repeating an abusive document costs a map lookup.
 */
export function createOperationCache(options: OperationCacheOptions): OperationCache {
  const { schema, parse = parseCoded, checks = [], describers = [], maxEntries = 1000 } = options;
  const cache = new LRUCache<string, Preparation>({ max: maxEntries });

  function prepare(text: string, operationName: string | undefined): Preparation {
    let document: DocumentNode;
    try {
      document = parse(text);
    } catch (err) {
      if (err instanceof GraphQLError) return { ok: false, errors: [err] };
      throw err;
    }
    for (const check of checks) {
      const errors = check(schema, document);
      if (errors.length > 0) return { ok: false, errors };
    }
    const invalid = validate(schema, document);
    if (invalid.length > 0) {
      return {
        ok: false,
        errors: invalid.map((e) => withCode(e, ErrorCode.GRAPHQL_VALIDATION_FAILED)),
      };
    }
    const definition = getOperationAST(document, operationName);
    if (!definition) {
      const message = operationName
        ? `the document has no operation named '${operationName}'`
        : 'the document has several operations: name the one to run in `operationName`';
      return { ok: false, errors: [withCode(new GraphQLError(message), ErrorCode.BAD_USER_INPUT)] };
    }
    const compiled = compileQuery(schema, document, operationName, {
      disablingCapturingStackErrors: true,
    });
    if (!isCompiledQuery(compiled)) {
      const errors = (compiled.errors ?? []).map((e) =>
        withCode(e, ErrorCode.GRAPHQL_VALIDATION_FAILED),
      );
      return { ok: false, errors };
    }
    const id = createHash('sha256')
      .update(text)
      .update('\u0000')
      .update(operationName ?? '')
      .digest('base64url')
      .slice(0, 22);
    const operation: PreparedOperation = {
      id,
      document,
      name: definition.name?.value,
      kind: definition.operation,
      compiled,
      trustedOnly: [],
    };
    for (const describe of describers)
      Object.assign(operation, describe(schema, document, definition));
    return { ok: true, operation };
  }

  return {
    prepare(text, operationName) {
      const key = operationName ? `${operationName}\u0000${text}` : text;
      let prepared = cache.get(key);
      if (!prepared) {
        prepared = prepare(text, operationName);
        cache.set(key, prepared);
      }
      return prepared;
    },
  };
}

/** graphql-js's parse, its errors coded as parse failures. */
function parseCoded(text: string): DocumentNode {
  try {
    return parseGraphql(text);
  } catch (err) {
    if (err instanceof GraphQLError) throw withCode(err, ErrorCode.GRAPHQL_PARSE_FAILED);
    throw err;
  }
}
