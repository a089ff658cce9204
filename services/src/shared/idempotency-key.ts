import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { ServiceError } from './service-error.js';

const KEY_PATTERN = /^[\x21-\x7e]{1,128}$/;

/**
 * The `Idempotency-Key` of a write: the header, or `idempotencyKey` in the JSON body for callers
 * whose HTTP client fixes its headers (the BFF's). Printable ASCII, at most 128 characters.
 */
export function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  const header = request.headers['idempotency-key'];
  const fromBody = (request.body as { idempotencyKey?: unknown } | undefined)?.idempotencyKey;
  const key = (Array.isArray(header) ? header[0] : header) ?? fromBody;
  if (key === undefined) return undefined;
  if (typeof key === 'string' && KEY_PATTERN.test(key)) return key;
  throw new ServiceError(
    'BAD_REQUEST',
    'headers.idempotency-key: expected 1 to 128 printable ASCII characters, e.g. a UUID',
  );
}

/** What a key is bound to: the route and a hash of the validated body (the key itself left out). */
export function fingerprint(request: FastifyRequest, body: unknown): string {
  const hash = createHash('sha256').update(JSON.stringify(body)).digest('base64url');
  return `${request.method} ${request.url.split('?')[0]} ${hash}`;
}
