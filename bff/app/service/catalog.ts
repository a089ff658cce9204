import { Service } from 'egg';
import { z } from 'zod';
import { mosaicConfig } from '../lib/mosaic_config.js';
import { createUpstreamClient } from '../lib/upstream_client.js';
import type { UpstreamClient } from '../lib/upstream_client.js';
import { upstreamHeaders } from '../lib/upstream_headers.js';

export const ProductSchema = z.object({
  id: z.string(),
  sku: z.string(),
  name: z.string(),
  category: z.string(),
  unit: z.string(),
  barcode: z.string().nullable().optional(),
});
export type Product = z.infer<typeof ProductSchema>;

const ProductPageSchema = z.object({
  items: z.array(ProductSchema),
  nextCursor: z.string().nullable(),
});
export type ProductPage = z.infer<typeof ProductPageSchema>;

/** The catalog service (products), called for one tenant. */
export default class CatalogService extends Service {
  private client(tenantId: string): UpstreamClient {
    const config = mosaicConfig(this.app);
    return createUpstreamClient({
      name: 'catalog',
      baseUrl: config.catalogUrl,
      timeoutMs: config.upstreamTimeoutMs,
      headers: upstreamHeaders(this.ctx, tenantId),
    });
  }

  /** One page of the tenant's products (limit 1..200). */
  async listProducts(tenantId: string, limit: number, cursor?: string): Promise<ProductPage> {
    const query = new URLSearchParams({ limit: String(limit) });
    if (cursor) query.set('cursor', cursor);
    return this.client(tenantId).get(`/products?${query}`, ProductPageSchema);
  }
}
