import { randomUUID } from 'node:crypto';
import type { Queryable } from '../shared/database.js';
import { isUuid } from '../shared/ids.js';
import { formatFen } from '../shared/money.js';
import { orderNumber } from '../shared/demo-orders.js';
import { systemContext, type OperationContext } from '../shared/operation-log.js';
import type { Order, OrderChannel, OrderLine, OrderStatus } from './order.js';

/** The order steps the operation log records, by the status they reach, and their verb. */
const LOGGED_STEPS: Partial<Record<OrderStatus, string>> = {
  confirmed: 'confirm',
  cancelled: 'cancel',
  shipped: 'ship',
};

/** A line as stored: money in fen. */
export interface NewOrderLine {
  productId: string;
  sku: string;
  name: string;
  unit: string;
  quantity: number;
  unitPriceFen: number;
  discountFen: number;
  totalFen: number;
  promotion: string | null;
}

export interface NewOrder {
  customerId: string | null;
  note: string | null;
  createdBy: string;
  lines: NewOrderLine[];
  /**
   * A shop checkout's order is written `confirming`, holding this reservation, instead of draft.
   * @default undefined (a desk draft)
   */
  checkoutReservationId?: string;
}

interface OrderRow {
  id: string;
  seq: number;
  status: OrderStatus;
  customer_id: string | null;
  note: string | null;
  created_by: string;
  total_fen: number;
  reservation_id: string | null;
  channel: OrderChannel;
  created_at: Date;
  updated_at: Date;
}

interface LineRow extends Omit<OrderLine, 'unitPrice' | 'discount' | 'total'> {
  order_id: string;
  unit_price_fen: number;
  discount_fen: number;
  total_fen: number;
}

async function withLines(db: Queryable, tenantId: string, rows: OrderRow[]): Promise<Order[]> {
  if (rows.length === 0) return [];
  const lines = await db.query<LineRow>(
    `SELECT order_id, product_id AS "productId", sku, name, unit, quantity, unit_price_fen,
       discount_fen, total_fen, promotion
     FROM order_lines WHERE tenant_id = $1 AND order_id = ANY($2::uuid[]) ORDER BY order_id, line_no`,
    [tenantId, rows.map((row) => row.id)],
  );
  return rows.map((row) => ({
    id: row.id,
    number: orderNumber(row.seq),
    status: row.status,
    customerId: row.customer_id,
    note: row.note,
    createdBy: row.created_by,
    total: formatFen(row.total_fen),
    channel: row.channel,
    reservationId: row.reservation_id,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    lines: lines
      .filter((line) => line.order_id === row.id)
      .map(({ order_id: _o, unit_price_fen, discount_fen, total_fen, ...line }) => ({
        ...line,
        unitPrice: formatFen(unit_price_fen),
        discount: formatFen(discount_fen),
        total: formatFen(total_fen),
      })),
  }));
}

/** Filters of the order list. */
export interface OrderFilter {
  status?: OrderStatus;
  customerId?: string;
}

/** Tenant-scoped order queries: every statement filters on tenant_id first. */
export function createOrderRepository(db: Queryable) {
  return {
    async get(tenantId: string, id: string): Promise<Order | undefined> {
      if (!isUuid(id)) return undefined;
      const rows = await db.query<OrderRow>(
        'SELECT * FROM orders WHERE tenant_id = $1 AND id = $2',
        [tenantId, id],
      );
      return (await withLines(db, tenantId, rows))[0];
    },
    /** Newest first, numbers below `beforeSeq` when given. */
    async list(
      tenantId: string,
      limit: number,
      beforeSeq: number | undefined,
      filter: OrderFilter,
    ): Promise<Order[]> {
      const rows = await db.query<OrderRow>(
        `SELECT * FROM orders WHERE tenant_id = $1 AND ($2::int IS NULL OR seq < $2)
           AND ($3::text IS NULL OR status = $3) AND ($4::uuid IS NULL OR customer_id = $4)
         ORDER BY seq DESC LIMIT $5`,
        [tenantId, beforeSeq ?? null, filter.status ?? null, filter.customerId ?? null, limit],
      );
      return withLines(db, tenantId, rows);
    },
    /** Orders in `statuses` created in [from, to): how many, and their total in fen. */
    async summarize(
      tenantId: string,
      from: Date,
      to: Date,
      statuses: readonly OrderStatus[],
    ): Promise<{ orderCount: number; totalFen: number }> {
      const [row] = await db.query<{ order_count: string; total_fen: string }>(
        `SELECT count(*)::text AS order_count, coalesce(sum(total_fen), 0)::text AS total_fen
         FROM orders WHERE tenant_id = $1 AND created_at >= $2 AND created_at < $3
           AND status = ANY($4::text[])`,
        [tenantId, from.toISOString(), to.toISOString(), [...statuses]],
      );
      return { orderCount: Number(row?.order_count ?? 0), totalFen: Number(row?.total_fen ?? 0) };
    },
    /**
     * Inserts a draft (or a checkout's confirming order) with the tenant's next number; call
     * inside a transaction.
     */
    async create(tenantId: string, order: NewOrder): Promise<string> {
      const [counter] = await db.query<{ last: number }>(
        `INSERT INTO order_counters (tenant_id, last) VALUES ($1, 1)
         ON CONFLICT (tenant_id) DO UPDATE SET last = order_counters.last + 1 RETURNING last`,
        [tenantId],
      );
      const id = randomUUID();
      const total = order.lines.reduce((sum, line) => sum + line.totalFen, 0);
      const reservationId = order.checkoutReservationId ?? null;
      await db.query(
        `INSERT INTO orders (tenant_id, id, seq, status, customer_id, note, created_by, total_fen,
           reservation_id, channel)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          tenantId,
          id,
          counter?.last,
          reservationId ? 'confirming' : 'draft',
          order.customerId,
          order.note,
          order.createdBy,
          total,
          reservationId,
          reservationId ? 'shop' : 'desk',
        ],
      );
      for (const [i, line] of order.lines.entries()) {
        await db.query(
          `INSERT INTO order_lines (tenant_id, order_id, line_no, product_id, sku, name, unit, quantity,
             unit_price_fen, discount_fen, total_fen, promotion)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
          [
            tenantId,
            id,
            i + 1,
            line.productId,
            line.sku,
            line.name,
            line.unit,
            line.quantity,
            line.unitPriceFen,
            line.discountFen,
            line.totalFen,
            line.promotion,
          ],
        );
      }
      return id;
    },
    /**
     * Moves an order from one status to another only if it is still in `from` (compare and set),
     * so two racing confirmations or a confirmation and the recovery sweep cannot both win.
     * `reservationId` is written when given (null clears it).
     */
    async transition(
      tenantId: string,
      id: string,
      from: OrderStatus,
      to: OrderStatus,
      reservationId?: string | null,
      context?: OperationContext,
    ): Promise<boolean> {
      // One statement both moves the order and, for the steps people see (confirmed, cancelled,
      // shipped), records it in the operation log: atomic without a transaction of its own.
      const log = context ?? systemContext(tenantId);
      const rows = await db.query(
        `WITH moved AS (
           UPDATE orders SET status = $4, updated_at = now(),
             reservation_id = CASE WHEN $5::boolean THEN $6::uuid ELSE reservation_id END
           WHERE tenant_id = $1 AND id = $2 AND status = $3 RETURNING id, seq
         ), logged AS (
           INSERT INTO operations (tenant_id, user_id, user_name, operation, entity_type,
             entity_id, before, after, request_id, trace_id)
           SELECT $1, $8, $9, $10, 'order', id::text, jsonb_build_object('status', $3::text),
             jsonb_build_object('status', $4::text, 'number', 'SO-' || CASE WHEN seq >= 100000 THEN seq::text ELSE lpad(seq::text, 6, '0') END),
             $11, $12
           FROM moved WHERE $7::boolean
         )
         SELECT id FROM moved`,
        [
          tenantId,
          id,
          from,
          to,
          reservationId !== undefined,
          reservationId ?? null,
          LOGGED_STEPS[to] !== undefined,
          log.userId,
          log.userName,
          `order.${LOGGED_STEPS[to] ?? to}`,
          log.requestId,
          log.traceId,
        ],
      );
      return rows.length > 0;
    },
    /** Orders stuck in `confirming` for longer than `graceMs`, across tenants, for recovery. */
    stuck(graceMs: number): Promise<{ tenant_id: string; id: string }[]> {
      return db.query(
        `SELECT tenant_id, id FROM orders WHERE status = 'confirming'
           AND updated_at < now() - $1 * interval '1 millisecond' ORDER BY updated_at LIMIT 100`,
        [graceMs],
      );
    },
  };
}

export type OrderRepository = ReturnType<typeof createOrderRepository>;
