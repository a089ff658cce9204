import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { decodeCursor } from './cursor.js';
import type { Database, Queryable } from './database.js';
import { pageQuery, toPage, type Page } from './page.js';
import { parseInput } from './parse-input.js';
import { readerOf } from './use-writer-tracking.js';
import type { Migration } from './run-migrations.js';

/**
 * The business-operation log: every write a service makes is recorded once, in the same
 * transaction as the write, by the service that owns the data. A write that rolls back leaves no
 * row; a retried idempotent write that is answered from its first outcome writes nothing, so it
 * leaves no second row either.
 */

/** Who made a write, and which request and trace it belongs to. */
export interface OperationContext {
  tenantId: string;
  /** The signed-in user's id (`x-user-id` from the BFF); null for system work (sweepers). */
  userId: string | null;
  /** The signed-in user's name (`x-user-name`), for people reading the log. */
  userName: string | null;
  requestId: string | null;
  /** The W3C trace id (32 hex) of `traceparent`, when the caller sent one. */
  traceId: string | null;
}

/** What one write changed. `before` is null for a create; `after` is null for a delete. */
export interface OperationRecord {
  /** What was done, `<entity>.<verb>`, e.g. `stock.adjust`, `order.cancel`. */
  operation: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

/** One row of the log as `GET /operations` answers it. */
export interface Operation extends OperationRecord {
  id: string;
  at: string;
  tenantId: string;
  userId: string | null;
  userName: string | null;
  requestId: string | null;
  traceId: string | null;
}

/** The table, added to every service's migrations by `startService` (named to run last). */
export const operationLogMigration: Migration = {
  name: '950-operation-log',
  up: `
    CREATE TABLE operations (
      tenant_id text NOT NULL,
      id bigint GENERATED ALWAYS AS IDENTITY,
      at timestamptz NOT NULL DEFAULT now(),
      user_id text,
      user_name text,
      operation text NOT NULL,
      entity_type text NOT NULL,
      entity_id text NOT NULL,
      before jsonb,
      after jsonb,
      request_id text,
      trace_id text,
      PRIMARY KEY (tenant_id, id)
    );
    CREATE INDEX operations_by_entity ON operations (tenant_id, entity_type, id);
    CREATE INDEX operations_by_user ON operations (tenant_id, user_id, id);
    CREATE INDEX operations_by_request ON operations (request_id);
  `,
};

const USER_ID = /^[\w.:@-]{1,128}$/;
const TRACEPARENT = /^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/;

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The operation context of a request: tenant, `x-user-id`/`x-user-name`, request and trace id. */
export function operationContext(request: FastifyRequest): OperationContext {
  const userId = header(request, 'x-user-id');
  const rawName = header(request, 'x-user-name');
  let userName: string | null = null;
  if (rawName) {
    try {
      userName = decodeURIComponent(rawName).slice(0, 128);
    } catch {
      userName = null;
    }
  }
  const trace = TRACEPARENT.exec(header(request, 'traceparent') ?? '');
  return {
    tenantId: request.tenantId,
    userId: userId && USER_ID.test(userId) ? userId : null,
    userName,
    requestId: request.id,
    traceId: trace?.[1] ?? null,
  };
}

/** The context of work no request asked for (a sweeper settling an order): no user. */
export function systemContext(tenantId: string): OperationContext {
  return { tenantId, userId: null, userName: null, requestId: null, traceId: null };
}

/** Records one write, in the caller's transaction `tx` (never on its own connection). */
export async function recordOperation(
  tx: Queryable,
  context: OperationContext,
  record: OperationRecord,
): Promise<void> {
  await tx.query(
    `INSERT INTO operations (tenant_id, user_id, user_name, operation, entity_type, entity_id,
       before, after, request_id, trace_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9, $10)`,
    [
      context.tenantId,
      context.userId,
      context.userName,
      record.operation,
      record.entityType,
      record.entityId,
      record.before == null ? null : JSON.stringify(record.before),
      record.after == null ? null : JSON.stringify(record.after),
      context.requestId,
      context.traceId,
    ],
  );
}

/**
 * Updates one entity in `tx` and records it with its values before and after; answers the
 * updated entity, or undefined (and records nothing) when there was none to update.
 */
export async function recordedUpdate<T extends { id: string }>(
  tx: Queryable,
  context: OperationContext,
  entityType: string,
  read: () => Promise<T | undefined>,
  update: () => Promise<T | undefined>,
): Promise<T | undefined> {
  const before = await read();
  const after = await update();
  if (after) {
    await recordOperation(tx, context, {
      operation: `${entityType}.update`,
      entityType,
      entityId: after.id,
      before: before ?? null,
      after,
    });
  }
  return after;
}

const operationsQuery = pageQuery.extend({
  entity: z
    .string()
    .regex(/^[a-z-]{1,40}$/, 'expected an entity type such as stock')
    .optional(),
  entityId: z.string().min(1).max(128).optional(),
  user: z.string().min(1).max(128).optional(),
  requestId: z.string().min(1).max(128).optional(),
  /** Keyset position: rows older than this id (what the BFF uses to merge services' logs). */
  before: z
    .string()
    .regex(/^\d{1,18}$/, 'expected an operation id')
    .optional(),
});

const COLUMNS = `id::text AS id,
  to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at,
  tenant_id AS "tenantId", user_id AS "userId", user_name AS "userName", operation,
  entity_type AS "entityType", entity_id AS "entityId", before, after,
  request_id AS "requestId", trace_id AS "traceId"`;

/**
 * `GET /operations?entity=&entityId=&user=&requestId=&limit=&cursor=|before=`: the tenant's log, newest
 * first; `user` matches the user id or name.
 */
export function useOperationLog(app: FastifyInstance, db: Database): void {
  app.get('/operations', async (request): Promise<Page<Operation>> => {
    const query = parseInput(operationsQuery, request.query, 'query');
    const before = query.cursor === undefined ? query.before : decodeCursor(query.cursor);
    if (before !== undefined && !/^\d{1,18}$/.test(before)) parseInput(z.never(), before, 'query');
    const params: unknown[] = [request.tenantId];
    const where = ['tenant_id = $1'];
    const add = (sql: (n: number) => string, value: unknown): void => {
      params.push(value);
      where.push(sql(params.length));
    };
    if (before !== undefined) add((n) => `id < $${n}::bigint`, before);
    if (query.entity) add((n) => `entity_type = $${n}`, query.entity);
    if (query.entityId) add((n) => `entity_id = $${n}`, query.entityId);
    if (query.user) add((n) => `(user_id = $${n} OR user_name = $${n})`, query.user);
    if (query.requestId) add((n) => `request_id = $${n}`, query.requestId);
    params.push(query.limit + 1);
    const rows = await db.read(readerOf(request)).query<Operation>(
      `SELECT ${COLUMNS} FROM operations WHERE ${where.join(' AND ')}
       ORDER BY id DESC LIMIT $${params.length}`,
      params,
    );
    return toPage(rows, query.limit, (row) => row.id);
  });
}
