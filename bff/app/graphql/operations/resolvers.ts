import { BffError, ErrorCode } from '../../lib/http/errors.js';
import type { UpstreamName } from '../../lib/mosaic_config.js';
import type { Operation } from '../../service/operations.js';
import type { GraphqlContext } from '../context.js';
import { pageSize, toConnection } from '../pagination.js';
import { requireRole } from '../require_role.js';

/** A field of the values after (or before) the operation, when it is text. */
function textOf(operation: Operation, field: string): string | null {
  for (const values of [operation.after, operation.before]) {
    const value = (values as Record<string, unknown> | null | undefined)?.[field];
    if (typeof value === 'string') return value;
  }
  return null;
}

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
      return { ...toConnection(page), unavailable: page.unavailable };
    },
  },
  OperationConnection: {
    // The page is the other services' rows; the error at this field says whose are missing.
    complete({ unavailable }: { unavailable: UpstreamName[] }) {
      if (unavailable.length === 0) return true;
      throw new BffError(
        ErrorCode.UPSTREAM_UNAVAILABLE,
        `the operation log of ${unavailable.join(', ')} did not answer: this page shows the other services' operations only; try again shortly`,
        { extensions: { sources: unavailable.join(',') } },
      );
    },
  },
  Operation: {
    id: (operation: Operation) => `${operation.service}:${operation.id}`,
    async entityName(operation: Operation, _: unknown, context: GraphqlContext) {
      switch (operation.entityType) {
        case 'stock':
        case 'product':
          // Batched with the page's other rows through the request's product loader.
          return (await context.loaders.product.load(operation.entityId))?.name ?? null;
        case 'order':
          return textOf(operation, 'number');
        default:
          return textOf(operation, 'name') ?? textOf(operation, 'username');
      }
    },
    before: (operation: Operation) => json(operation.before),
    after: (operation: Operation) => json(operation.after),
  },
};
