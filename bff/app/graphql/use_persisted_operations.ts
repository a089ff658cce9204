import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { BffError, ErrorCode } from '../lib/errors.js';

/** The request fields that may name a persisted operation instead of sending its text. */
export interface PersistedRequest {
  query?: string | null;
  documentId?: string | null;
  extensions?: { persistedQuery?: { sha256Hash?: unknown } } | null;
}

const folder = new URL('./persisted/', import.meta.url);
let store: Map<string, string> | undefined;

/** Every operation in `app/graphql/persisted/*.graphql`, by the sha256 of its text. */
export function persistedOperations(): Map<string, string> {
  if (!store) {
    store = new Map();
    for (const file of readdirSync(folder)
      .filter((f) => f.endsWith('.graphql'))
      .sort()) {
      const text = readFileSync(new URL(file, folder), 'utf8');
      store.set(createHash('sha256').update(text).digest('hex'), text);
    }
  }
  return store;
}

/**
 * Persisted operations for the mobile shop: it sends `documentId: "sha256:<hex>"` (or Apollo's
 * `extensions.persistedQuery.sha256Hash`) instead of the query text, so requests stay small and
 * only operations shipped with the BFF can run under that hash. Returns the text to run.
 */
export function usePersistedOperations(request: PersistedRequest): string {
  const hash =
    request.documentId?.replace(/^sha256:/, '') ??
    (typeof request.extensions?.persistedQuery?.sha256Hash === 'string'
      ? request.extensions.persistedQuery.sha256Hash
      : undefined);
  if (hash === undefined) {
    if (request.query) return request.query;
    throw new BffError(
      ErrorCode.BAD_REQUEST,
      'POST /graphql needs `query`, or `documentId` naming a persisted operation',
    );
  }
  const text = persistedOperations().get(hash.toLowerCase());
  if (!text) {
    throw new BffError(
      ErrorCode.PERSISTED_QUERY_NOT_FOUND,
      `no persisted operation has hash ${hash.slice(0, 64)}: rebuild the shop against this BFF's operations`,
    );
  }
  return text;
}
