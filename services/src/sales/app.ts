import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { createService } from '../shared/create-service.js';
import { decodeCursor } from '../shared/cursor.js';
import type { Database } from '../shared/database.js';
import { stdoutSink } from '../shared/log-line.js';
import { MAX_BATCH, pageQuery, toPage, type Page } from '../shared/page.js';
import { formatFen } from '../shared/money.js';
import { createIdempotencyRepository } from '../shared/idempotency-repository.js';
import { fingerprint, idempotencyKeyOf } from '../shared/idempotency-key.js';
import { entityOfKey, KeyTaken, runIdempotent } from '../shared/run-idempotent.js';
import {
  operationContext,
  recordOperation,
  type OperationContext,
} from '../shared/operation-log.js';
import { readerOf } from '../shared/use-writer-tracking.js';
import { parseInput } from '../shared/parse-input.js';
import { requireFound } from '../shared/require-found.js';
import { ServiceError } from '../shared/service-error.js';
import { ORDER_STATUSES, type Order, type OrderStatus } from './order.js';
import { createOrderRepository, type NewOrder } from './order-repository.js';
import { priceLines } from './price-lines.js';
import type { StartSalesOptions } from './sales-options.js';
import { createStockCoordinator } from './stock-coordinator.js';
import type { UpstreamContext } from './upstream.js';
import { useRecoverySweeper } from './use-recovery-sweeper.js';

const actor = z.string().trim().min(1).max(64);
const newOrderBody = z.object({
  customerId: z.uuid().nullable().default(null),
  note: z.string().trim().max(500).nullable().default(null),
  createdBy: actor,
  lines: z
    .array(z.object({ productId: z.uuid(), quantity: z.int().min(1).max(10_000) }))
    .min(1)
    .max(MAX_BATCH),
});
const checkoutBody = newOrderBody.omit({ note: true });
const actionBody = z.object({ actor: actor.default('system') });

/** Thrown inside an order's transaction when another try with the same key made its order first. */
const listQuery = pageQuery.extend({
  status: z.enum(ORDER_STATUSES).optional(),
  customerId: z.uuid().optional(),
});

/** Orders that count as sold: confirmed (stock committed) or shipped. */
const SOLD: readonly OrderStatus[] = ['confirmed', 'shipped'];
const MAX_REPORT_DAYS = 92;
const reportQuery = z
  .object({ from: z.iso.datetime({ offset: true }), to: z.iso.datetime({ offset: true }) })
  .refine(({ from, to }) => Date.parse(to) > Date.parse(from), {
    message: 'to must be after from',
    path: ['to'],
  })
  .refine(({ from, to }) => Date.parse(to) - Date.parse(from) <= MAX_REPORT_DAYS * 86_400_000, {
    message: `a report covers at most ${MAX_REPORT_DAYS} days`,
    path: ['to'],
  });

/** What a sales report answers: sold orders created in [from, to). */
export interface SalesReport {
  from: string;
  to: string;
  orderCount: number;
  /** Decimal yuan, like every amount this service returns. */
  total: string;
}

function contextOf(request: FastifyRequest): UpstreamContext {
  const header = (name: string): string | undefined => {
    const value = request.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  return {
    tenantId: request.tenantId,
    requestId: request.id,
    traceparent: header('traceparent'),
    env: header('x-mosaic-env'),
    operation: operationContext(request),
  };
}

/** The sales HTTP API: orders, numbered per tenant, confirmed against inventory with TCC. */
export function createSalesApp(db: Database, options: StartSalesOptions): FastifyInstance {
  const app = createService({ name: 'sales', log: options.log });
  const orders = createOrderRepository(db);
  const timeoutMs = options.upstreamTimeoutMs ?? 5000;
  const upstreams = { ...options.upstreams, timeoutMs };
  const coordinator = createStockCoordinator({
    orders,
    inventoryUrl: upstreams.inventoryUrl,
    timeoutMs,
    reservationTtlSeconds: 120,
  });
  useRecoverySweeper(app, orders, coordinator, {
    intervalMs: options.recoveryIntervalMs ?? 10_000,
    graceMs: 3 * timeoutMs,
    log: options.log ?? stdoutSink,
  });

  app.get('/orders', async (request): Promise<Page<Order>> => {
    const query = parseInput(listQuery, request.query, 'query');
    const before = query.cursor === undefined ? undefined : Number(decodeCursor(query.cursor));
    if (before !== undefined && !Number.isInteger(before))
      throw new ServiceError('BAD_REQUEST', 'query.cursor: not a cursor this service issued');
    const rows = await createOrderRepository(db.read(readerOf(request))).list(
      request.tenantId,
      query.limit + 1,
      before,
      query,
    );
    return toPage(rows, query.limit, (order) => String(Number(order.number.slice(3))));
  });

  // Summed in the database, so the owner's dashboard reads one row, not the day's orders.
  app.get('/reports/sales', async (request): Promise<SalesReport> => {
    const query = parseInput(reportQuery, request.query, 'query');
    const from = new Date(query.from);
    const to = new Date(query.to);
    const sums = await createOrderRepository(db.read(readerOf(request))).summarize(
      request.tenantId,
      from,
      to,
      SOLD,
    );
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      orderCount: sums.orderCount,
      total: formatFen(sums.totalFen),
    };
  });

  app.get<{ Params: { id: string } }>('/orders/:id', async (request): Promise<Order> =>
    requireFound(
      await orders.get(request.tenantId, request.params.id),
      'order',
      request.params.id,
      request.tenantId,
    ),
  );

  const keys = createIdempotencyRepository(db, 'order_id');
  const load = async (tenantId: string, id: string): Promise<Order> =>
    requireFound(await orders.get(tenantId, id), 'order', id, tenantId);

  /**
   * Writes a new order in one transaction, bound to the request's idempotency key when it has one;
   * undefined when another try with the same key bound its order first.
   */
  async function insertOrder(
    context: OperationContext,
    key: string | undefined,
    order: NewOrder,
  ): Promise<string | undefined> {
    const { tenantId } = context;
    try {
      return await db.transaction(async (tx) => {
        const repository = createOrderRepository(tx);
        const id = await repository.create(tenantId, order);
        if (key && !(await createIdempotencyRepository(tx, 'order_id').bind(tenantId, key, id))) {
          throw new KeyTaken();
        }
        await recordOperation(tx, context, {
          operation: 'order.create',
          entityType: 'order',
          entityId: id,
          before: null,
          after: await repository.get(tenantId, id),
        });
        return id;
      });
    } catch (error) {
      if (error instanceof KeyTaken) return undefined;
      throw error;
    }
  }

  /** The order an earlier try with this key made, for a try that lost the race to make it. */
  async function orderOfKey(tenantId: string, key: string | undefined): Promise<Order> {
    return entityOfKey(keys, tenantId, key, (id) => load(tenantId, id));
  }

  app.post('/orders', async (request, reply): Promise<Order> => {
    const body = parseInput(newOrderBody, request.body, 'body');
    const { tenantId } = request;
    const key = idempotencyKeyOf(request);
    const answer = await runIdempotent(keys, {
      tenantId,
      key,
      request: fingerprint(request, body),
      entityId: null,
      status: 201,
      async run() {
        const lines = await priceLines(upstreams, contextOf(request), body.customerId, body.lines);
        const id = await insertOrder(operationContext(request), key, { ...body, lines });
        return id ? load(tenantId, id) : orderOfKey(tenantId, key);
      },
      recover: (id) => load(tenantId, id),
      load: (id) => load(tenantId, id),
    });
    reply.status(answer.status);
    return answer.value;
  });

  // A shop checkout places and confirms an order in one request, or leaves nothing behind.
  app.post('/checkouts', async (request, reply): Promise<Order> => {
    const body = parseInput(checkoutBody, request.body, 'body');
    const { tenantId } = request;
    const key = idempotencyKeyOf(request);
    const context = contextOf(request);
    const answer = await runIdempotent(keys, {
      tenantId,
      key,
      request: fingerprint(request, body),
      entityId: null,
      status: 201,
      async run() {
        const lines = await priceLines(upstreams, context, body.customerId, body.lines);
        const requested = lines.map(({ productId, quantity }) => ({ productId, quantity }));
        const placed = await coordinator.checkout(context, body.createdBy, requested, (id) =>
          insertOrder(operationContext(request), key, {
            ...body,
            note: null,
            lines,
            checkoutReservationId: id,
          }),
        );
        return placed ?? orderOfKey(tenantId, key);
      },
      async recover(id) {
        const order = await coordinator.resolve(context, id);
        if (order.status !== 'cancelled') return order;
        throw new ServiceError(
          'CONFLICT',
          `checkout ${order.number} did not go through: no stock was taken and it is cancelled`,
        );
      },
      load: (id) => load(tenantId, id),
    });
    reply.status(answer.status);
    return answer.value;
  });

  // The status query of a keyed write: the order it made, if it made one.
  app.get<{ Params: { key: string } }>('/orders/by-key/:key', async (request): Promise<Order> => {
    const orderId = (await keys.get(request.tenantId, request.params.key))?.entityId;
    return requireFound(
      orderId ? await orders.get(request.tenantId, orderId) : undefined,
      'order made with idempotency key',
      request.params.key,
      request.tenantId,
    );
  });

  app.post<{ Params: { id: string } }>('/orders/:id/confirm', async (request): Promise<Order> => {
    const body = parseInput(actionBody, request.body, 'body');
    const { tenantId } = request;
    const context = contextOf(request);
    const confirm = (): Promise<Order> =>
      coordinator.confirm(context, request.params.id, body.actor);
    const order = await load(tenantId, request.params.id);
    const answer = await runIdempotent(keys, {
      tenantId,
      key: idempotencyKeyOf(request),
      request: fingerprint(request, body),
      entityId: order.id,
      status: 200,
      run: confirm,
      // Confirm is settled by the order's own state: a confirming one is resolved, a confirmed
      // one answered as it is, a draft (the earlier try took nothing) confirmed now.
      recover: confirm,
      load: (id) => load(tenantId, id),
    });
    return answer.value;
  });

  app.post<{ Params: { id: string } }>('/orders/:id/cancel', async (request): Promise<Order> => {
    const body = parseInput(actionBody, request.body, 'body');
    return coordinator.cancel(contextOf(request), request.params.id, body.actor);
  });

  app.post<{ Params: { id: string } }>('/orders/:id/ship', async (request): Promise<Order> => {
    const order = requireFound(
      await orders.get(request.tenantId, request.params.id),
      'order',
      request.params.id,
      request.tenantId,
    );
    if (
      order.status !== 'shipped' &&
      !(await orders.transition(
        request.tenantId,
        order.id,
        'confirmed',
        'shipped',
        undefined,
        operationContext(request),
      ))
    ) {
      throw new ServiceError(
        'CONFLICT',
        `order ${order.number} is ${order.status}; only a confirmed order can ship`,
      );
    }
    return (await orders.get(request.tenantId, order.id)) as Order;
  });

  return app;
}
