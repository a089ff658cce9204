import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Database, Queryable } from '../shared/database.js';
import { isUuid } from '../shared/ids.js';
import {
  operationContext,
  recordOperation,
  type OperationContext,
} from '../shared/operation-log.js';
import { MAX_BATCH } from '../shared/page.js';
import { parseInput } from '../shared/parse-input.js';
import { requireFound } from '../shared/require-found.js';
import {
  commitReservation,
  getReservation,
  releaseReservation,
  reserve,
  returnReservation,
} from './reservation-repository.js';
import type { Reservation } from './stock.js';

const reserveBody = z.object({
  /** Chosen by the caller so a retried request is the same reservation, not a second one. */
  id: z.uuid(),
  reference: z.string().trim().min(1).max(64).nullable().default(null),
  actor: z.string().trim().min(1).max(64),
  ttlSeconds: z.int().min(1).max(86_400).optional(),
  lines: z
    .array(
      z.object({
        productId: z.uuid(),
        quantity: z.int().min(1).max(100_000),
        warehouseId: z.uuid().optional(),
      }),
    )
    .min(1)
    .max(MAX_BATCH),
});

const actorBody = z.object({ actor: z.string().trim().min(1).max(64).default('system') });

type ById = { Params: { id: string } };

function reservationId(request: { params: { id: string }; tenantId: string }): string {
  const id = request.params.id;
  // A non-UUID can never name a reservation; answer 404 rather than a database error.
  requireFound(isUuid(id) ? id : undefined, 'reservation', id, request.tenantId);
  return id.toLowerCase();
}

/**
 * Runs one reservation transition and records it in the operation log when it changed the status,
 * so a retried commit, release or return (already in that state) leaves one row, not two.
 */
export async function logStatusChange(
  tx: Queryable,
  context: OperationContext,
  id: string,
  verb: string,
  transition: () => Promise<Reservation>,
): Promise<Reservation> {
  const [prior] = await tx.query<{ status: string }>(
    'SELECT status FROM reservations WHERE tenant_id = $1 AND id = $2 FOR UPDATE',
    [context.tenantId, id],
  );
  const reservation = await transition();
  if (prior?.status !== reservation.status) {
    await recordOperation(tx, context, {
      operation: `reservation.${verb}`,
      entityType: 'reservation',
      entityId: id,
      before: prior ? { status: prior.status } : null,
      after: reservation,
    });
  }
  return reservation;
}

/** Try / confirm / cancel of stock for an order (see README, "Reservations"). */
export function useReservationRoutes(
  app: FastifyInstance,
  db: Database,
  defaultTtlMs: number,
): void {
  app.post('/reservations', async (request, reply): Promise<Reservation> => {
    const body = parseInput(reserveBody, request.body, 'body');
    const ttlMs = Math.min(defaultTtlMs, (body.ttlSeconds ?? Infinity) * 1000);
    const { reservation, created } = await db.transaction(async (tx) => {
      const result = await reserve(tx, request.tenantId, body.id.toLowerCase(), {
        ...body,
        ttlMs,
      });
      // A retried reserve (same id) answers the first outcome and is not a second operation.
      if (result.created) {
        await recordOperation(tx, operationContext(request), {
          operation: 'reservation.create',
          entityType: 'reservation',
          entityId: result.reservation.id,
          before: null,
          after: result.reservation,
        });
      }
      return result;
    });
    reply.status(created ? 201 : 200);
    return reservation;
  });

  app.get<ById>('/reservations/:id', async (request): Promise<Reservation> => {
    const id = reservationId(request);
    return requireFound(
      await getReservation(db, request.tenantId, id),
      'reservation',
      id,
      request.tenantId,
    );
  });

  app.post<ById>('/reservations/:id/commit', async (request): Promise<Reservation> => {
    const id = reservationId(request);
    const body = parseInput(
      z.object({ reference: z.string().trim().min(1).max(64).nullable().default(null) }),
      request.body,
      'body',
    );
    return db.transaction((tx) =>
      logStatusChange(tx, operationContext(request), id, 'commit', () =>
        commitReservation(tx, request.tenantId, id, body.reference),
      ),
    );
  });

  app.post<ById>('/reservations/:id/release', async (request): Promise<Reservation> => {
    const id = reservationId(request);
    return db.transaction((tx) =>
      logStatusChange(tx, operationContext(request), id, 'release', () =>
        releaseReservation(tx, request.tenantId, id),
      ),
    );
  });

  app.post<ById>('/reservations/:id/return', async (request): Promise<Reservation> => {
    const id = reservationId(request);
    const body = parseInput(actorBody, request.body, 'body');
    return db.transaction((tx) =>
      logStatusChange(tx, operationContext(request), id, 'return', () =>
        returnReservation(tx, request.tenantId, id, body.actor),
      ),
    );
  });
}
