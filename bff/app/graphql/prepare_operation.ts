import { createHash } from 'node:crypto';
import { GraphQLError, getOperationAST, validate } from 'graphql';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import type { CompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';
import { ErrorCode } from '../lib/http/errors.js';
import type { LimitsPlugin } from './use_limits.js';
import { trustedOnlyFields } from './use_trusted_documents.js';
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
  /** Root fields it selects that run only from a trusted document (`@trustedDocumentsOnly`). */
  trustedOnly: readonly string[];
}

/** Either a runnable operation, or why it was refused (parse, limits, validation). */
export type Preparation =
  { ok: true; operation: PreparedOperation } | { ok: false; errors: readonly GraphQLError[] };

/** Options of createOperationCache. */
export interface OperationCacheOptions {
  schema: GraphQLSchema;
  limits: LimitsPlugin;
  /** Distinct documents kept prepared; the least recently used go first. @default 1000 */
  maxEntries?: number;
}

export interface OperationCache {
  /** The prepared operation for this text and name, from the cache or prepared now. */
  prepare(text: string, operationName: string | undefined): Preparation;
}

/**
 * Parse, limits (GraphQL Armor), validation and compilation happen once per distinct document
 * and operation name, not once per request: the apps send the same few documents all day.
 * Refusals are kept too, so a client repeating an abusive document costs a map lookup.
 */
export function createOperationCache(options: OperationCacheOptions): OperationCache {
  const { schema, limits, maxEntries = 1000 } = options;
  const cache = new LRUCache<string, Preparation>({ max: maxEntries });

  function prepare(text: string, operationName: string | undefined): Preparation {
    let document: DocumentNode;
    try {
      document = limits.parse(text);
    } catch (err) {
      if (err instanceof GraphQLError) return { ok: false, errors: [err] };
      throw err;
    }
    const limitErrors = limits.check(schema, document);
    if (limitErrors.length > 0) return { ok: false, errors: limitErrors };
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
    return {
      ok: true,
      operation: {
        id,
        document,
        name: definition.name?.value,
        kind: definition.operation,
        compiled,
        trustedOnly: trustedOnlyFields(schema, document, definition),
      },
    };
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
