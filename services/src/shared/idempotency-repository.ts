import type { Queryable } from './database.js';

/** What a tenant's idempotency key was used for and, once known, how it ended. */
export interface KeyRecord {
  /** The request the key was first sent with (`POST /orders/<id>/confirm sha256…`). */
  request: string;
  /** The entity (order, movements, product) the write made or acted on, once there is one. */
  entityId: string | null;
  /** The answer's status once the outcome is settled; null while it is running or unknown. */
  status: number | null;
  /** The error body of a settled failure, replayed as it was. */
  body: unknown;
}

/**
 * The column of `idempotency_keys` that names what a keyed write made: sales shipped it as
 * `order_id` (uuid); services keyed later use `entity_id` (text), see {@link idempotencyKeysTable}.
 */
export type EntityColumn = 'order_id' | 'entity_id';

/**
 * The `idempotency_keys` table of a service that adds keyed writes, for its `migrations.ts`. The
 * entity id is text: a product's uuid, or the ids of the movements a stock write made.
 */
export const idempotencyKeysTable = `
  CREATE TABLE idempotency_keys (
    tenant_id text NOT NULL,
    key text NOT NULL,
    request text NOT NULL,
    entity_id text,
    status integer,
    body jsonb,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, key)
  );
`;

interface KeyRow {
  request: string;
  entity_id: string | null;
  status: number | null;
  body: unknown;
}

/**
 * Idempotency keys of one tenant: the first request with a key claims it, later ones with the same
 * key read what it did. Every statement filters on tenant_id first, so tenants never share a key.
 */
export function createIdempotencyRepository(db: Queryable, column: EntityColumn = 'entity_id') {
  return {
    /**
     * Claims `key` for `request` (and `entityId` when the write acts on a known entity). Answers
     * undefined when this call claimed it, or the record of the request that did.
     */
    async claim(
      tenantId: string,
      key: string,
      request: string,
      entityId: string | null,
    ): Promise<KeyRecord | undefined> {
      const claimed = await db.query(
        `INSERT INTO idempotency_keys (tenant_id, key, request, ${column}) VALUES ($1, $2, $3, $4)
         ON CONFLICT (tenant_id, key) DO NOTHING RETURNING key`,
        [tenantId, key, request, entityId],
      );
      if (claimed.length > 0) return undefined;
      return this.get(tenantId, key);
    },
    async get(tenantId: string, key: string): Promise<KeyRecord | undefined> {
      const [row] = await db.query<KeyRow>(
        `SELECT request, ${column}::text AS entity_id, status, body FROM idempotency_keys
         WHERE tenant_id = $1 AND key = $2`,
        [tenantId, key],
      );
      return (
        row && { request: row.request, entityId: row.entity_id, status: row.status, body: row.body }
      );
    },
    /**
     * Ties the entity a write made to its key, in the transaction that made it; false when another
     * try with the same key got there first (roll back then, and answer with its entity).
     */
    async bind(tenantId: string, key: string, entityId: string): Promise<boolean> {
      const rows = await db.query(
        `UPDATE idempotency_keys SET ${column} = $3
         WHERE tenant_id = $1 AND key = $2 AND ${column} IS NULL RETURNING key`,
        [tenantId, key, entityId],
      );
      return rows.length > 0;
    },
    /** Records how the write ended, so a retry answers the same; the first outcome recorded stays. */
    async settle(tenantId: string, key: string, status: number, body: unknown): Promise<void> {
      await db.query(
        `UPDATE idempotency_keys SET status = $3, body = $4
         WHERE tenant_id = $1 AND key = $2 AND status IS NULL`,
        [tenantId, key, status, body === null ? null : JSON.stringify(body)],
      );
    },
    /** Frees a key whose write made nothing, so a retry runs it afresh. */
    async forget(tenantId: string, key: string): Promise<void> {
      await db.query(
        `DELETE FROM idempotency_keys WHERE tenant_id = $1 AND key = $2 AND ${column} IS NULL`,
        [tenantId, key],
      );
    },
  };
}

export type IdempotencyRepository = ReturnType<typeof createIdempotencyRepository>;
