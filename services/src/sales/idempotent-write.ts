import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { ServiceError, type ErrorCode } from '../shared/service-error.js';
import type { IdempotencyRepository } from './idempotency-repository.js';
import type { Order } from './order.js';

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

/** One retryable write, as {@link runIdempotent} needs it. */
export interface IdempotentWrite {
  tenantId: string;
  key: string | undefined;
  /** From {@link fingerprint}: the same key sent with another request is a 409. */
  request: string;
  /** The order the write acts on, when known before it runs (confirm). */
  orderId: string | null;
  /** Status of a success: 201 for a new order, 200 otherwise. */
  status: number;
  run(): Promise<Order>;
  /** The real state of an order an earlier try made or acted on, whose outcome was not recorded. */
  recover(orderId: string): Promise<Order>;
  /** The order as it is now, for a retry of a write that succeeded. */
  load(orderId: string): Promise<Order>;
}

/**
 * Runs `write` at most once per key: the first request with a key runs it and records how it
 * ended; a retry with the same key answers that outcome (a success with the order as it is now, a
 * refusal as it was) instead of writing again. When the first try's outcome was never recorded
 * (it failed midway or is still running), the retry settles the order's real state through
 * `recover`; a try that made nothing frees its key, so the retry runs afresh.
 */
export async function runIdempotent(
  keys: IdempotencyRepository,
  write: IdempotentWrite,
): Promise<{ status: number; order: Order }> {
  const { tenantId, key } = write;
  if (key === undefined) return { status: write.status, order: await write.run() };
  const earlier = await keys.claim(tenantId, key, write.request, write.orderId);
  if (earlier && earlier.request !== write.request) {
    throw new ServiceError(
      'CONFLICT',
      `Idempotency-Key '${key}' was sent before with another request; use a new key for a new write`,
    );
  }
  if (earlier?.status != null && earlier.orderId && earlier.status < 400) {
    return { status: earlier.status, order: await write.load(earlier.orderId) };
  }
  if (earlier?.status != null && earlier.status >= 400) {
    const error = (earlier.body as { code: ErrorCode; message: string } | null) ?? undefined;
    throw new ServiceError(error?.code ?? 'CONFLICT', error?.message ?? 'this write was refused');
  }
  const pendingOrder = earlier?.orderId;
  try {
    const order = await (pendingOrder ? write.recover(pendingOrder) : write.run());
    await keys.settle(tenantId, key, write.status, null);
    return { status: write.status, order };
  } catch (error) {
    if (error instanceof ServiceError && error.statusCode < 500) {
      await keys.settle(tenantId, key, error.statusCode, {
        code: error.code,
        message: error.message,
      });
    } else {
      await keys.forget(tenantId, key);
    }
    throw error;
  }
}
