import type { Queryable } from '../shared/database.js';

/** What a tenant's idempotency key was used for and, once known, how it ended. */
export interface KeyRecord {
  /** The request the key was first sent with (`POST /orders/<id>/confirm sha256…`). */
  request: string;
  /** The order the write made or acted on, once there is one. */
  orderId: string | null;
  /** The answer's status once the outcome is settled; null while it is running or unknown. */
  status: number | null;
  /** The error body of a settled failure, replayed as it was. */
  body: unknown;
}

interface KeyRow {
  request: string;
  order_id: string | null;
  status: number | null;
  body: unknown;
}

/**
 * Idempotency keys of one tenant: the first request with a key claims it, later ones with the same
 * key read what it did. Every statement filters on tenant_id first, so tenants never share a key.
 */
export function createIdempotencyRepository(db: Queryable) {
  return {
    /**
     * Claims `key` for `request` (and `orderId` when the write acts on a known order). Answers
     * undefined when this call claimed it, or the record of the request that did.
     */
    async claim(
      tenantId: string,
      key: string,
      request: string,
      orderId: string | null,
    ): Promise<KeyRecord | undefined> {
      const claimed = await db.query(
        `INSERT INTO idempotency_keys (tenant_id, key, request, order_id) VALUES ($1, $2, $3, $4)
         ON CONFLICT (tenant_id, key) DO NOTHING RETURNING key`,
        [tenantId, key, request, orderId],
      );
      if (claimed.length > 0) return undefined;
      return this.get(tenantId, key);
    },
    async get(tenantId: string, key: string): Promise<KeyRecord | undefined> {
      const [row] = await db.query<KeyRow>(
        'SELECT request, order_id, status, body FROM idempotency_keys WHERE tenant_id = $1 AND key = $2',
        [tenantId, key],
      );
      return (
        row && { request: row.request, orderId: row.order_id, status: row.status, body: row.body }
      );
    },
    /**
     * Ties the order a write created to its key, in the transaction that created it; false when
     * another try with the same key got there first (roll back then, and answer with its order).
     */
    async bindOrder(tenantId: string, key: string, orderId: string): Promise<boolean> {
      const rows = await db.query(
        `UPDATE idempotency_keys SET order_id = $3
         WHERE tenant_id = $1 AND key = $2 AND order_id IS NULL RETURNING key`,
        [tenantId, key, orderId],
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
    /** Frees a key whose write did nothing (no order), so a retry runs it afresh. */
    async forget(tenantId: string, key: string): Promise<void> {
      await db.query(
        'DELETE FROM idempotency_keys WHERE tenant_id = $1 AND key = $2 AND order_id IS NULL',
        [tenantId, key],
      );
    },
  };
}

export type IdempotencyRepository = ReturnType<typeof createIdempotencyRepository>;
