import { Service } from 'egg';
import { z } from 'zod';
import { cachedBatch } from '../lib/upstream/cached_batch.js';
import { itemsOf, pageOf, pageQuery } from '../lib/upstream/page_schemas.js';
import type { Page } from '../lib/upstream/page_schemas.js';
import { upstreamFor } from '../lib/upstream/upstream_for.js';

export const CustomerSchema = z.object({
  id: z.string(),
  code: z.string().nullish(),
  name: z.string(),
  phone: z.string().nullish(),
  address: z.string().nullish(),
  memberLevel: z.string().nullish(),
});
export type Customer = z.infer<typeof CustomerSchema>;

export interface CustomerFilter {
  limit: number;
  cursor?: string | null;
  q?: string | null;
}

/** The party service (customers), called for one tenant; customers are cached. */
export default class PartyService extends Service {
  async listCustomers(tenantId: string, filter: CustomerFilter): Promise<Page<Customer>> {
    return upstreamFor(this.ctx, 'party', tenantId).get(
      `/customers?${pageQuery({ ...filter })}`,
      pageOf(CustomerSchema),
    );
  }

  /** Customers by id, from the cache or one batch call per 200 misses. */
  async customersByIds(tenantId: string, ids: readonly string[]): Promise<Map<string, Customer>> {
    const client = upstreamFor(this.ctx, 'party', tenantId);
    const schema = itemsOf(CustomerSchema);
    return cachedBatch(
      this.ctx,
      'customer',
      tenantId,
      ids,
      async (part) => (await client.query('/customers/batch', { ids: part }, schema)).items,
      (customer) => customer.id,
    );
  }
}
