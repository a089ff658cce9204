import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { createService } from '../shared/create-service.js';
import { decodeCursor } from '../shared/cursor.js';
import type { Database, Queryable } from '../shared/database.js';
import { warehouseIdFor } from '../shared/ids.js';
import { stdoutSink } from '../shared/log-line.js';
import {
  operationContext,
  recordOperation,
  type OperationContext,
} from '../shared/operation-log.js';
import { batchIds, pageQuery, toPage, type Page } from '../shared/page.js';
import { readerOf } from '../shared/use-writer-tracking.js';
import { runKeyedCreate } from '../shared/write-keyed.js';
import { parseInput } from '../shared/parse-input.js';
import { ServiceError } from '../shared/service-error.js';
import type { StartServiceOptions } from '../shared/start-service.js';
import {
  applyMovement,
  getMovements,
  listMovements,
  type MovementInput,
} from './movement-repository.js';
import { useReservationRoutes } from './reservation-routes.js';
import type { Movement, StockLevel, Warehouse } from './stock.js';
import { createStockRepository, type LowStock } from './stock-repository.js';
import { useReservationSweeper } from './use-reservation-sweeper.js';

export { MAX_BATCH } from '../shared/page.js';

/** Options of `startInventory`: the shared ones plus how long reservations live. */
export interface StartInventoryOptions extends StartServiceOptions {
  /**
   * How long a reservation holds stock unless confirmed; callers may ask for less per reservation.
   * Expired ones are swept every quarter of this (at most every 30 s).
   * @default 900_000 (15 minutes; env RESERVATION_TTL_MS)
   */
  reservationTtlMs?: number;
}

const uuid = z.uuid();
const who = { actor: z.string().trim().min(1).max(64), reason: z.string().trim().min(1).max(200) };

const movementBody = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('receipt'),
    productId: uuid,
    warehouseId: uuid,
    quantity: z.int().min(1).max(1_000_000),
    ...who,
  }),
  z.object({
    kind: z.literal('adjustment'),
    productId: uuid,
    warehouseId: uuid,
    quantity: z
      .int()
      .min(-1_000_000)
      .max(1_000_000)
      .refine((n) => n !== 0, 'must not be 0'),
    ...who,
  }),
]);

const transferBody = z
  .object({
    productId: uuid,
    fromWarehouseId: uuid,
    toWarehouseId: uuid,
    quantity: z.int().min(1).max(1_000_000),
    ...who,
  })
  .refine((body) => body.fromWarehouseId !== body.toWarehouseId, {
    message: 'must differ from fromWarehouseId',
    path: ['toWarehouseId'],
  });

const movementQuery = pageQuery.extend({
  productId: uuid.optional(),
  warehouseId: uuid.optional(),
});

/** Most products one low-stock answer lists. */
const MAX_LOW_STOCK = 100;

/** Records one stock change: the warehouse's on-hand before and after, and the movement. */
function recordMovement(
  tx: Queryable,
  context: OperationContext,
  operation: string,
  movement: Movement,
): Promise<void> {
  const at = { productId: movement.productId, warehouseId: movement.warehouseId };
  return recordOperation(tx, context, {
    operation,
    entityType: 'stock',
    entityId: movement.productId,
    before: { ...at, onHand: movement.onHandAfter - movement.quantity },
    after: {
      ...at,
      onHand: movement.onHandAfter,
      quantity: movement.quantity,
      reason: movement.reason,
      movementId: movement.id,
    },
  });
}

/** The inventory HTTP API over a migrated database. */
export function createInventoryApp(
  db: Database,
  options: Partial<StartInventoryOptions> = {},
): FastifyInstance {
  const app = createService({ name: 'inventory', log: options.log });
  const stock = createStockRepository(db);
  const ttlMs = options.reservationTtlMs ?? 900_000;
  useReservationSweeper(
    app,
    db,
    Math.max(100, Math.min(30_000, ttlMs / 4)),
    options.log ?? stdoutSink,
  );
  useReservationRoutes(app, db, ttlMs);

  // A tenant has a handful of warehouses, so this list is not paginated.
  app.get('/warehouses', async (request): Promise<{ items: Warehouse[] }> => ({
    items: await createStockRepository(db.read(readerOf(request))).listWarehouses(request.tenantId),
  }));

  app.post('/warehouses', async (request, reply): Promise<Warehouse> => {
    const body = parseInput(
      z.object({
        code: z.string().regex(/^[A-Z0-9-]{1,20}$/, 'expected A-Z, 0-9, -'),
        name: z.string().trim().min(1).max(60),
      }),
      request.body,
      'body',
    );
    const id = warehouseIdFor(request.tenantId, body.code);
    const warehouse = await db.transaction(async (tx) => {
      const [row] = await tx.query<Warehouse>(
        'INSERT INTO warehouses (tenant_id, id, code, name) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING id, name',
        [request.tenantId, id, body.code, body.name],
      );
      if (!row) throw new ServiceError('CONFLICT', `warehouse code '${body.code}' already exists`);
      await recordOperation(tx, operationContext(request), {
        operation: 'warehouse.create',
        entityType: 'warehouse',
        entityId: row.id,
        before: null,
        after: { ...row, code: body.code },
      });
      return row;
    });
    reply.status(201);
    return warehouse;
  });

  // The owner's low-stock list, grouped and ordered in the database, however big the catalog.
  app.get('/stock/low', async (request): Promise<{ items: LowStock[] }> => {
    const query = parseInput(
      z.object({
        below: z.coerce.number().int().min(1).max(1_000_000),
        limit: z.coerce.number().int().min(1).max(MAX_LOW_STOCK).default(20),
      }),
      request.query,
      'query',
    );
    const reads = createStockRepository(db.read(readerOf(request)));
    return { items: await reads.listLow(request.tenantId, query.below, query.limit) };
  });

  app.post('/stock/batch', async (request): Promise<{ items: StockLevel[] }> => {
    const body = parseInput(z.object({ productIds: batchIds }), request.body, 'body');
    return { items: await stock.getLevels(request.tenantId, body.productIds) };
  });

  app.get('/movements', async (request): Promise<Page<Movement>> => {
    const query = parseInput(movementQuery, request.query, 'query');
    const before = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    if (before !== undefined && !/^\d{1,18}$/.test(before)) parseInput(z.never(), before, 'query');
    const rows = await listMovements(
      db.read(readerOf(request)),
      request.tenantId,
      query.limit + 1,
      before,
      query,
    );
    return toPage(rows, query.limit, (movement) => movement.id);
  });

  /**
   * Applies `movements` in one transaction, at most once per idempotency key: a retry answers the
   * movements the first try made (their ids are what the key keeps, `id,id`), or its refusal.
   */
  function moveOnce(
    request: FastifyRequest,
    body: unknown,
    operation: string,
    movements: MovementInput[],
  ): Promise<Movement[]> {
    const { tenantId } = request;
    return runKeyedCreate(db, request, body, {
      async write(tx) {
        const moved: Movement[] = [];
        for (const movement of movements) moved.push(await applyMovement(tx, tenantId, movement));
        const context = operationContext(request);
        for (const movement of moved) await recordMovement(tx, context, operation, movement);
        return { entityId: moved.map((movement) => movement.id).join(','), value: moved };
      },
      load: (entityId) => getMovements(db, tenantId, entityId.split(',')),
    });
  }

  app.post('/movements', async (request, reply): Promise<Movement> => {
    const body = parseInput(movementBody, request.body, 'body');
    const [movement] = await moveOnce(request, body, `stock.${body.kind}`, [body]);
    reply.status(201);
    return movement as Movement;
  });

  app.post('/transfers', async (request, reply): Promise<{ items: Movement[] }> => {
    const body = parseInput(transferBody, request.body, 'body');
    const reference = `transfer:${body.fromWarehouseId}->${body.toWarehouseId}`;
    const items = await moveOnce(request, body, 'stock.transfer', [
      {
        ...body,
        kind: 'transfer',
        warehouseId: body.fromWarehouseId,
        quantity: -body.quantity,
        reference,
      },
      {
        ...body,
        kind: 'transfer',
        warehouseId: body.toWarehouseId,
        quantity: body.quantity,
        reference,
      },
    ]);
    reply.status(201);
    return { items };
  });

  return app;
}
