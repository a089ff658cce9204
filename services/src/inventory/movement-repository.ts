import type { Queryable } from '../shared/database.js';
import { ServiceError } from '../shared/service-error.js';
import { SQL_STATE, sqlState } from '../shared/sql-errors.js';
import type { Movement, MovementKind } from './stock.js';

/** One stock change to apply and record. */
export interface MovementInput {
  productId: string;
  warehouseId: string;
  kind: MovementKind;
  /** Signed: positive into the warehouse, negative out of it. */
  quantity: number;
  actor: string;
  reason: string;
  reference?: string | null;
}

const COLUMNS = `id::text AS id, product_id AS "productId", warehouse_id AS "warehouseId", kind,
  quantity, on_hand_after AS "onHandAfter", actor, reason, reference,
  to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt"`;

/**
 * Changes on-hand stock and records the movement, in the caller's transaction. Taking more than
 * is available (on hand minus reserved) is INSUFFICIENT_STOCK; a warehouse of another tenant is
 * NOT_FOUND.
 */
export async function applyMovement(
  tx: Queryable,
  tenantId: string,
  input: MovementInput,
): Promise<Movement> {
  try {
    const params = [tenantId, input.warehouseId, input.productId, input.quantity];
    // Update first: an upsert would check the constraints of the row it proposes to insert, so a
    // negative quantity would fail even when stock exists.
    const level =
      (
        await tx.query<{ on_hand: number }>(
          `UPDATE stock_levels SET on_hand = on_hand + $4, updated_at = now()
           WHERE tenant_id = $1 AND warehouse_id = $2 AND product_id = $3 RETURNING on_hand`,
          params,
        )
      )[0] ??
      (
        await tx.query<{ on_hand: number }>(
          `INSERT INTO stock_levels (tenant_id, warehouse_id, product_id, on_hand)
         VALUES ($1, $2, $3, $4) RETURNING on_hand`,
          params,
        )
      )[0];
    const [movement] = await tx.query<Movement>(
      `INSERT INTO movements
         (tenant_id, product_id, warehouse_id, kind, quantity, on_hand_after, actor, reason, reference)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${COLUMNS}`,
      [
        tenantId,
        input.productId,
        input.warehouseId,
        input.kind,
        input.quantity,
        level?.on_hand ?? 0,
        input.actor,
        input.reason,
        input.reference ?? null,
      ],
    );
    return movement as Movement;
  } catch (error) {
    if (sqlState(error) === SQL_STATE.CHECK_VIOLATION) {
      throw new ServiceError(
        'INSUFFICIENT_STOCK',
        `product ${input.productId} has fewer than ${-input.quantity} available in warehouse ${input.warehouseId}`,
      );
    }
    if (sqlState(error) === SQL_STATE.FOREIGN_KEY_VIOLATION) {
      throw new ServiceError(
        'NOT_FOUND',
        `warehouse '${input.warehouseId}' does not exist for tenant '${tenantId}'`,
      );
    }
    throw error;
  }
}

/** Filters of the movement list. */
export interface MovementFilter {
  productId?: string;
  warehouseId?: string;
}

/**
 * Newest first, up to `limit`, with ids below `beforeId` when given. Sorts on the bigint column
 * (`movements.id`), not the text `id` it returns: as text, '999' sorts after '1349' and a keyset
 * walk by number skips every id from 1000 on.
 */
export function listMovements(
  db: Queryable,
  tenantId: string,
  limit: number,
  beforeId: string | undefined,
  filter: MovementFilter,
): Promise<Movement[]> {
  return db.query<Movement>(
    `SELECT ${COLUMNS} FROM movements
     WHERE tenant_id = $1 AND ($2::bigint IS NULL OR id < $2::bigint)
       AND ($3::uuid IS NULL OR product_id = $3) AND ($4::uuid IS NULL OR warehouse_id = $4)
     ORDER BY movements.id DESC LIMIT $5`,
    [tenantId, beforeId ?? null, filter.productId ?? null, filter.warehouseId ?? null, limit],
  );
}

/** The movements with these ids, in id order (the ones a keyed write made, for its retry). */
export function getMovements(db: Queryable, tenantId: string, ids: string[]): Promise<Movement[]> {
  return db.query<Movement>(
    `SELECT ${COLUMNS} FROM movements WHERE tenant_id = $1 AND id = ANY($2::bigint[]) ORDER BY id`,
    [tenantId, ids],
  );
}
