import type { IdempotencyRepository } from './idempotency-repository.js';
import { ServiceError, type ErrorCode } from './service-error.js';

/** One retryable write, as {@link runIdempotent} needs it. */
export interface IdempotentWrite<T> {
  tenantId: string;
  key: string | undefined;
  /** From `fingerprint`: the same key sent with another request is a 409. */
  request: string;
  /** The entity the write acts on, when known before it runs (a confirm's order). */
  entityId: string | null;
  /** Status of a success: 201 for something new, 200 otherwise. */
  status: number;
  run(): Promise<T>;
  /** The real state of what an earlier try made or acted on, whose outcome was not recorded. */
  recover(entityId: string): Promise<T>;
  /** The entity as it is now, for a retry of a write that succeeded. */
  load(entityId: string): Promise<T>;
}

/**
 * Runs `write` at most once per key: the first request with a key runs it and records how it
 * ended; a retry with the same key answers that outcome (a success with the entity as it is now,
 * a refusal as it was) instead of writing again. When the first try's outcome was never recorded
 * (it failed midway or is still running), the retry settles the entity's real state through
 * `recover`; a try that made nothing frees its key, so the retry runs afresh.
 */
export async function runIdempotent<T>(
  keys: IdempotencyRepository,
  write: IdempotentWrite<T>,
): Promise<{ status: number; value: T }> {
  const { tenantId, key } = write;
  if (key === undefined) return { status: write.status, value: await write.run() };
  const earlier = await keys.claim(tenantId, key, write.request, write.entityId);
  if (earlier && earlier.request !== write.request) {
    throw new ServiceError(
      'CONFLICT',
      `Idempotency-Key '${key}' was sent before with another request; use a new key for a new write`,
    );
  }
  if (earlier?.status != null && earlier.entityId && earlier.status < 400) {
    return { status: earlier.status, value: await write.load(earlier.entityId) };
  }
  if (earlier?.status != null && earlier.status >= 400) {
    const error = (earlier.body as { code: ErrorCode; message: string } | null) ?? undefined;
    throw new ServiceError(error?.code ?? 'CONFLICT', error?.message ?? 'this write was refused');
  }
  const pending = earlier?.entityId;
  try {
    const value = await (pending ? write.recover(pending) : write.run());
    await keys.settle(tenantId, key, write.status, null);
    return { status: write.status, value };
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

/**
 * Thrown inside a keyed write's transaction when another try with the same key bound what it made
 * first: the transaction rolls back and the try answers with the other's entity.
 */
export class KeyTaken extends Error {}

/** The entity an earlier try with this key made, for a try that lost the race to make it. */
export async function entityOfKey<T>(
  keys: IdempotencyRepository,
  tenantId: string,
  key: string | undefined,
  load: (entityId: string) => Promise<T>,
): Promise<T> {
  const entityId = key ? (await keys.get(tenantId, key))?.entityId : undefined;
  if (!entityId)
    throw new ServiceError('CONFLICT', `a write with this key is still running; retry`);
  return load(entityId);
}
