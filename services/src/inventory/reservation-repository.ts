import type { Queryable } from '../shared/database.js';
import { requireFound } from '../shared/require-found.js';
import { ServiceError } from '../shared/service-error.js';
import { applyMovement } from './movement-repository.js';
import type { Reservation, ReservationStatus } from './stock.js';

/** What `POST /reservations` asks for. */
export interface ReserveInput {
  reference: string | null;
  actor: string;
  ttlMs: number;
  lines: { productId: string; quantity: number; warehouseId?: string }[];
}

interface Row {
  id: string;
  reference: string | null;
  status: ReservationStatus;
  expires_at: Date;
  actor: string;
}

/** Reads a reservation with its lines; `lock` holds it until the transaction ends. */
export async function getReservation(
  tx: Queryable,
  tenantId: string,
  id: string,
  lock = false,
): Promise<Reservation | undefined> {
  const [row] = await tx.query<Row>(
    `SELECT id, reference, status, expires_at, actor FROM reservations
     WHERE tenant_id = $1 AND id = $2 ${lock ? 'FOR UPDATE' : ''}`,
    [tenantId, id],
  );
  if (!row) return undefined;
  const lines = await tx.query<Reservation['lines'][number]>(
    `SELECT product_id AS "productId", warehouse_id AS "warehouseId", quantity
     FROM reservation_lines WHERE tenant_id = $1 AND reservation_id = $2
     ORDER BY product_id, warehouse_id`,
    [tenantId, id],
  );
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    actor: row.actor,
    expiresAt: new Date(row.expires_at).toISOString(),
    lines,
  };
}

/**
 * Try: holds stock for every line, taking the named warehouse or else the ones with most available.
 * Idempotent on `id`: a second call answers what the first one did, including a reservation that
 * was released before it ever arrived (so a late retry cannot hold stock nobody will release).
 */
export async function reserve(
  tx: Queryable,
  tenantId: string,
  id: string,
  input: ReserveInput,
): Promise<{ reservation: Reservation; created: boolean }> {
  const inserted = await tx.query(
    `INSERT INTO reservations (tenant_id, id, reference, status, actor, expires_at)
     VALUES ($1, $2, $3, 'pending', $4, now() + $5 * interval '1 millisecond') ON CONFLICT DO NOTHING RETURNING id`,
    [tenantId, id, input.reference, input.actor, input.ttlMs],
  );
  if (inserted.length === 0) {
    return { reservation: (await getReservation(tx, tenantId, id)) as Reservation, created: false };
  }
  const wanted = new Map<string, number>();
  for (const line of input.lines) {
    const key = `${line.productId.toLowerCase()}/${line.warehouseId?.toLowerCase() ?? ''}`;
    wanted.set(key, (wanted.get(key) ?? 0) + line.quantity);
  }
  // Locking every row involved in one fixed order keeps concurrent reservations from deadlocking.
  const rows = await tx.query<{ product_id: string; warehouse_id: string; available: number }>(
    `SELECT product_id, warehouse_id, on_hand - reserved AS available FROM stock_levels
     WHERE tenant_id = $1 AND product_id = ANY($2::uuid[]) ORDER BY product_id, warehouse_id FOR UPDATE`,
    [tenantId, [...new Set([...wanted.keys()].map((key) => key.split('/')[0]))]],
  );
  for (const [key, quantity] of wanted) {
    const [productId, warehouseId] = key.split('/') as [string, string];
    const candidates = rows
      .filter(
        (row) => row.product_id === productId && (!warehouseId || row.warehouse_id === warehouseId),
      )
      .sort((a, b) => b.available - a.available);
    let missing = quantity;
    for (const row of candidates) {
      const take = Math.min(missing, row.available);
      if (take <= 0) continue;
      row.available -= take;
      missing -= take;
      await tx.query(
        `UPDATE stock_levels SET reserved = reserved + $4, updated_at = now()
         WHERE tenant_id = $1 AND product_id = $2 AND warehouse_id = $3`,
        [tenantId, productId, row.warehouse_id, take],
      );
      await tx.query(
        `INSERT INTO reservation_lines (tenant_id, reservation_id, product_id, warehouse_id, quantity)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (tenant_id, reservation_id, product_id, warehouse_id)
         DO UPDATE SET quantity = reservation_lines.quantity + EXCLUDED.quantity`,
        [tenantId, id, productId, row.warehouse_id, take],
      );
    }
    if (missing > 0) {
      throw new ServiceError(
        'INSUFFICIENT_STOCK',
        `product ${productId} is short by ${missing}${warehouseId ? ` in warehouse ${warehouseId}` : ''}: receive stock or lower the quantity`,
      );
    }
  }
  return { reservation: (await getReservation(tx, tenantId, id)) as Reservation, created: true };
}

async function unreserve(tx: Queryable, tenantId: string, reservation: Reservation): Promise<void> {
  for (const line of reservation.lines) {
    await tx.query(
      `UPDATE stock_levels SET reserved = reserved - $4, updated_at = now()
       WHERE tenant_id = $1 AND product_id = $2 AND warehouse_id = $3`,
      [tenantId, line.productId, line.warehouseId, line.quantity],
    );
  }
}

async function setStatus(
  tx: Queryable,
  tenantId: string,
  id: string,
  status: ReservationStatus,
): Promise<void> {
  await tx.query(
    `UPDATE reservations SET status = $3, updated_at = now() WHERE tenant_id = $1 AND id = $2`,
    [tenantId, id, status],
  );
}

/**
 * Confirm: turns held stock into sales. Idempotent; a released or expired one is a 409. A
 * `reference` given here fills in one the reservation was made without (a shop checkout reserves
 * before its order has a number), so the sale movements name the order.
 */
export async function commitReservation(
  tx: Queryable,
  tenantId: string,
  id: string,
  reference: string | null = null,
): Promise<Reservation> {
  const found = requireFound(
    await getReservation(tx, tenantId, id, true),
    'reservation',
    id,
    tenantId,
  );
  if (found.status === 'pending' && Date.parse(found.expiresAt) <= Date.now()) {
    // Past its time but not yet swept: it must not be sold, whatever the sweeper's schedule.
    await unreserve(tx, tenantId, found);
    await setStatus(tx, tenantId, id, 'expired');
    found.status = 'expired';
  }
  if (found.status === 'committed') return found;
  if (found.status !== 'pending') {
    throw new ServiceError(
      'RESERVATION_RELEASED',
      `reservation '${id}' is ${found.status}: reserve again`,
    );
  }
  await unreserve(tx, tenantId, found);
  if (found.reference === null && reference !== null) {
    await tx.query('UPDATE reservations SET reference = $3 WHERE tenant_id = $1 AND id = $2', [
      tenantId,
      id,
      reference,
    ]);
    found.reference = reference;
  }
  for (const line of found.lines) {
    await applyMovement(tx, tenantId, {
      ...line,
      kind: 'sale',
      quantity: -line.quantity,
      actor: found.actor,
      reason: 'sale',
      reference: found.reference,
    });
  }
  await setStatus(tx, tenantId, id, 'committed');
  return { ...found, status: 'committed' };
}

/**
 * Cancel: gives held stock back. Idempotent; releasing an id never reserved records it as
 * released, so a reserve call that arrives later is refused. A committed one is a 409.
 */
export async function releaseReservation(
  tx: Queryable,
  tenantId: string,
  id: string,
  status: 'released' | 'expired' = 'released',
): Promise<Reservation> {
  await tx.query(
    `INSERT INTO reservations (tenant_id, id, reference, status, actor, expires_at)
     VALUES ($1, $2, NULL, 'released', 'system', now()) ON CONFLICT DO NOTHING`,
    [tenantId, id],
  );
  const found = (await getReservation(tx, tenantId, id, true)) as Reservation;
  if (found.status === 'committed' || found.status === 'returned') {
    throw new ServiceError(
      'RESERVATION_COMMITTED',
      `reservation '${id}' is ${found.status}: return it instead`,
    );
  }
  if (found.status !== 'pending') return found;
  await unreserve(tx, tenantId, found);
  await setStatus(tx, tenantId, id, status);
  return { ...found, status };
}

/** Puts the stock of a committed reservation back (its order was cancelled). Idempotent. */
export async function returnReservation(
  tx: Queryable,
  tenantId: string,
  id: string,
  actor: string,
): Promise<Reservation> {
  const found = requireFound(
    await getReservation(tx, tenantId, id, true),
    'reservation',
    id,
    tenantId,
  );
  if (found.status === 'returned') return found;
  if (found.status !== 'committed') {
    throw new ServiceError(
      'CONFLICT',
      `reservation '${id}' is ${found.status}, not committed: release it instead`,
    );
  }
  for (const line of found.lines) {
    await applyMovement(tx, tenantId, {
      ...line,
      kind: 'receipt',
      actor,
      reason: 'order cancelled',
      reference: found.reference,
    });
  }
  await setStatus(tx, tenantId, id, 'returned');
  return { ...found, status: 'returned' };
}
