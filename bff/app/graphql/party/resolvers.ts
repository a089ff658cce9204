import type { Customer } from '../../service/party.js';
import type { GraphqlContext } from '../context.js';
import { pageSize, toConnection } from '../pagination.js';
import { requireRole } from '../require_role.js';

export const partyResolvers = {
  Query: {
    async customers(
      _: unknown,
      args: { first: number; after?: string; search?: string },
      context: GraphqlContext,
    ) {
      requireRole(context, 'sales', 'customers');
      const page = await context.services.party.listCustomers(context.tenantId, {
        limit: pageSize('customers', args.first),
        cursor: args.after,
        q: args.search,
      });
      for (const customer of page.items) context.loaders.customer.prime(customer.id, customer);
      return toConnection(page);
    },
    customer(_: unknown, args: { id: string }, context: GraphqlContext): Promise<Customer | null> {
      requireRole(context, 'sales', 'customer');
      return context.loaders.customer.load(args.id);
    },
  },
};
