import { randomUUID } from 'node:crypto';
import type { Queryable } from '../shared/database.js';
import { isUuid } from '../shared/ids.js';
import { ServiceError } from '../shared/service-error.js';
import type { Tenant, User } from './user.js';

const COLUMNS = 'id, username, display_name AS "displayName", roles';

export interface NewUser {
  username: string;
  displayName: string;
  passwordHash: string;
  roles: string[];
}

/** Tenant-scoped user queries: every statement filters on tenant_id first. */
export interface UserRepository {
  getTenant(tenantId: string): Promise<Tenant | undefined>;
  /** The user and their password hash, for sign-in only. */
  findForSignIn(tenantId: string, username: string): Promise<(User & { hash: string }) | undefined>;
  list(tenantId: string, limit: number, afterUsername?: string): Promise<User[]>;
  get(tenantId: string, id: string): Promise<User | undefined>;
  create(tenantId: string, user: NewUser): Promise<User>;
}

export function createUserRepository(db: Queryable): UserRepository {
  return {
    async getTenant(tenantId) {
      const rows = await db.query<Tenant>('SELECT id, name FROM tenants WHERE id = $1', [tenantId]);
      return rows[0];
    },
    async findForSignIn(tenantId, username) {
      const rows = await db.query<User & { hash: string }>(
        `SELECT ${COLUMNS}, password_hash AS hash FROM users WHERE tenant_id = $1 AND username = $2`,
        [tenantId, username],
      );
      return rows[0];
    },
    list(tenantId, limit, afterUsername) {
      return db.query<User>(
        `SELECT ${COLUMNS} FROM users WHERE tenant_id = $1 AND ($2::text IS NULL OR username > $2)
         ORDER BY username LIMIT $3`,
        [tenantId, afterUsername ?? null, limit],
      );
    },
    async get(tenantId, id) {
      if (!isUuid(id)) return undefined;
      const rows = await db.query<User>(
        `SELECT ${COLUMNS} FROM users WHERE tenant_id = $1 AND id = $2`,
        [tenantId, id],
      );
      return rows[0];
    },
    async create(tenantId, user) {
      if (!(await this.getTenant(tenantId))) {
        throw new ServiceError('NOT_FOUND', `tenant '${tenantId}' does not exist: create it first`);
      }
      const rows = await db.query<User>(
        `INSERT INTO users (tenant_id, id, username, display_name, password_hash, roles)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (tenant_id, username) DO NOTHING
         RETURNING ${COLUMNS}`,
        [tenantId, randomUUID(), user.username, user.displayName, user.passwordHash, user.roles],
      );
      const created = rows[0];
      if (!created) {
        throw new ServiceError(
          'CONFLICT',
          `username '${user.username}' is taken in tenant '${tenantId}'`,
        );
      }
      return created;
    },
  };
}
