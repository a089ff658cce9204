import type { FastifyRequest } from 'fastify';
import type { Database, Queryable } from './database.js';
import { fingerprint, idempotencyKeyOf } from './idempotency-key.js';
import { createIdempotencyRepository, type EntityColumn } from './idempotency-repository.js';
import { entityOfKey, KeyTaken, runIdempotent } from './run-idempotent.js';

/** Options of {@link writeKeyed}. */
export interface WriteKeyedOptions<T> {
  tenantId: string;
  key: string | undefined;
  /** Writes in `tx` and says which entity it made (its id as `idempotency_keys` keeps it). */
  write(tx: Queryable): Promise<{ entityId: string; value: T }>;
  /** The entity another try with the same key made, for a try that lost the race. */
  load(entityId: string): Promise<T>;
  /** @default 'entity_id' */
  column?: EntityColumn;
}

/**
 * Runs a keyed write in one transaction that also binds what it made to the key, so a crash
 * between the write and {@link runIdempotent}'s settle still leaves the key pointing at it; a try
 * that lost the race to a concurrent one with the same key rolls back and answers the winner's.
 */
export async function writeKeyed<T>(db: Database, options: WriteKeyedOptions<T>): Promise<T> {
  const { tenantId, key, column } = options;
  try {
    return await db.transaction(async (tx) => {
      const made = await options.write(tx);
      const keys = createIdempotencyRepository(tx, column);
      if (key && !(await keys.bind(tenantId, key, made.entityId))) throw new KeyTaken();
      return made.value;
    });
  } catch (error) {
    if (!(error instanceof KeyTaken)) throw error;
    return entityOfKey(createIdempotencyRepository(db, column), tenantId, key, options.load);
  }
}

/** Options of {@link runKeyedCreate}. */
export interface KeyedCreateOptions<T> {
  /** Writes in `tx` and says what it made; runs at most once per key. */
  write(tx: Queryable): Promise<{ entityId: string; value: T }>;
  /** What a try made, as it is now, for the retries of that try. */
  load(entityId: string): Promise<T>;
}

/**
 * A write that makes something new (a 201), at most once per `Idempotency-Key` of `request`: the
 * write and its key commit together, so what a try made is its real outcome and a retry answers
 * it, or the first try's refusal; the same key with another `body` is a 409. Without a key it just
 * runs. Uses the service's `idempotency_keys` table with an `entity_id` column.
 */
export async function runKeyedCreate<T>(
  db: Database,
  request: FastifyRequest,
  body: unknown,
  options: KeyedCreateOptions<T>,
): Promise<T> {
  const { tenantId } = request;
  const key = idempotencyKeyOf(request);
  const answer = await runIdempotent(createIdempotencyRepository(db), {
    tenantId,
    key,
    request: fingerprint(request, body),
    entityId: null,
    status: 201,
    run: () => writeKeyed(db, { tenantId, key, write: options.write, load: options.load }),
    recover: options.load,
    load: options.load,
  });
  return answer.value;
}
