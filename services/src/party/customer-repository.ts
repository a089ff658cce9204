import { randomUUID } from 'node:crypto';
import type { Queryable } from '../shared/database.js';
import { isUuid } from '../shared/ids.js';
import { ServiceError } from '../shared/service-error.js';
import { SQL_STATE, sqlState } from '../shared/sql-errors.js';
import type { Customer, MemberLevel } from './customer.js';

const COLUMNS = 'id, name, phone, address, member_level AS "memberLevel"';

export type CustomerFields = Omit<Customer, 'id'>;

/** Where a page of customers starts: after this name, then id. */
export interface CustomerKey {
  name: string;
  id: string;
}

/** Tenant-scoped customer queries: every statement filters on tenant_id first. */
export interface CustomerRepository {
  /** By name then id; `q` matches name or phone fragments. */
  list(
    tenantId: string,
    limit: number,
    after: CustomerKey | undefined,
    filter: { q?: string; memberLevel?: MemberLevel },
  ): Promise<Customer[]>;
  getMany(tenantId: string, ids: string[]): Promise<Customer[]>;
  create(tenantId: string, fields: CustomerFields): Promise<Customer>;
  update(
    tenantId: string,
    id: string,
    fields: Partial<CustomerFields>,
  ): Promise<Customer | undefined>;
}

function phoneTaken(error: unknown, phone: string | undefined): never {
  if (sqlState(error) === SQL_STATE.UNIQUE_VIOLATION) {
    throw new ServiceError('CONFLICT', `phone '${phone}' already belongs to another customer`);
  }
  throw error;
}

export function createCustomerRepository(db: Queryable): CustomerRepository {
  return {
    list(tenantId, limit, after, filter) {
      const like = filter.q ? `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
      return db.query<Customer>(
        `SELECT ${COLUMNS} FROM customers
         WHERE tenant_id = $1 AND ($2::text IS NULL OR (name, id) > ($2, $3::uuid))
           AND ($4::text IS NULL OR name ILIKE $4 OR phone LIKE $4)
           AND ($5::text IS NULL OR member_level = $5)
         ORDER BY name, id LIMIT $6`,
        [tenantId, after?.name ?? null, after?.id ?? null, like, filter.memberLevel ?? null, limit],
      );
    },
    async getMany(tenantId, ids) {
      const wanted = ids.filter(isUuid).map((id) => id.toLowerCase());
      if (wanted.length === 0) return [];
      return db.query<Customer>(
        `SELECT ${COLUMNS} FROM customers WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
        [tenantId, wanted],
      );
    },
    async create(tenantId, fields) {
      const rows = await db
        .query<Customer>(
          `INSERT INTO customers (tenant_id, id, name, phone, address, member_level)
           VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
          [tenantId, randomUUID(), fields.name, fields.phone, fields.address, fields.memberLevel],
        )
        .catch((error: unknown) => phoneTaken(error, fields.phone));
      return rows[0] as Customer;
    },
    async update(tenantId, id, fields) {
      if (!isUuid(id)) return undefined;
      const rows = await db
        .query<Customer>(
          `UPDATE customers SET name = COALESCE($3, name), phone = COALESCE($4, phone),
             address = CASE WHEN $5::boolean THEN $6 ELSE address END,
             member_level = COALESCE($7, member_level), updated_at = now()
           WHERE tenant_id = $1 AND id = $2 RETURNING ${COLUMNS}`,
          [
            tenantId,
            id,
            fields.name ?? null,
            fields.phone ?? null,
            fields.address !== undefined,
            fields.address ?? null,
            fields.memberLevel ?? null,
          ],
        )
        .catch((error: unknown) => phoneTaken(error, fields.phone));
      return rows[0];
    },
  };
}
