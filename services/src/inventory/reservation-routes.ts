import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Database } from '../shared/database.js';
import { isUuid } from '../shared/ids.js';
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

/** Try / confirm / cancel of stock for an order (see README, "Reservations"). */
export function useReservationRoutes(
  app: FastifyInstance,
  db: Database,
  defaultTtlMs: number,
): void {
  app.post('/reservations', async (request, reply): Promise<Reservation> => {
    const body = parseInput(reserveBody, request.body, 'body');
    const ttlMs = Math.min(defaultTtlMs, (body.ttlSeconds ?? Infinity) * 1000);
    const { reservation, created } = await db.transaction((tx) =>
      reserve(tx, request.tenantId, body.id.toLowerCase(), { ...body, ttlMs }),
    );
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
    return db.transaction((tx) => commitReservation(tx, request.tenantId, id, body.reference));
  });

  app.post<ById>('/reservations/:id/release', async (request): Promise<Reservation> => {
    const id = reservationId(request);
    return db.transaction((tx) => releaseReservation(tx, request.tenantId, id));
  });

  app.post<ById>('/reservations/:id/return', async (request): Promise<Reservation> => {
    const id = reservationId(request);
    const body = parseInput(actorBody, request.body, 'body');
    return db.transaction((tx) => returnReservation(tx, request.tenantId, id, body.actor));
  });
}
