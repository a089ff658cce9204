import type { Operation } from '../../service/operations.js';
import type { GraphqlContext } from '../context.js';
import { pageSize, toConnection } from '../pagination.js';
import { requireRole } from '../require_role.js';

function json(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}

export const operationsResolvers = {
  Query: {
    async operations(
      _: unknown,
      args: { first: number; after?: string; entityType?: string; user?: string },
      context: GraphqlContext,
    ) {
      requireRole(context, 'operationLog', 'the operation log');
      const page = await context.services.operations.list(context.tenantId, {
        limit: pageSize('operations', args.first),
        cursor: args.after,
        // An entity type no service owns matches nothing (the service answers an empty page).
        entityType: args.entityType?.trim() || undefined,
        user: args.user?.trim().slice(0, 128) || undefined,
      });
      return toConnection(page);
    },
  },
  Operation: {
    id: (operation: Operation) => `${operation.service}:${operation.id}`,
    before: (operation: Operation) => json(operation.before),
    after: (operation: Operation) => json(operation.after),
  },
};
