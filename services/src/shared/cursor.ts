import { ServiceError } from './service-error.js';

/**
 * Opaque keyset cursors: base64url JSON of the last sort key a page returned. Clients must only
 * pass back what they were given; the shape may change without notice.
 */
export function encodeCursor(after: string): string {
  return Buffer.from(JSON.stringify({ v: 1, after }), 'utf8').toString('base64url');
}

/** Decodes a cursor from {@link encodeCursor}; a tampered or foreign one is a 400, never a 500. */
export function decodeCursor(cursor: string): string {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      'v' in parsed &&
      parsed.v === 1 &&
      'after' in parsed &&
      typeof parsed.after === 'string'
    ) {
      return parsed.after;
    }
  } catch {
    // fall through to the error below
  }
  throw new ServiceError(
    'BAD_REQUEST',
    `query.cursor: '${cursor.slice(0, 40)}' is not a cursor this service issued; pass nextCursor from the previous page or omit it`,
  );
}
