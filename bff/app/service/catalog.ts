import { randomUUID } from 'node:crypto';
import { Service } from 'egg';
import { z } from 'zod';
import { cacheTallyOf } from '../lib/http/request_state.js';
import { cachedBatch } from '../lib/upstream/cached_batch.js';
import { itemsOf, pageOf, pageQuery } from '../lib/upstream/page_schemas.js';
import type { Page } from '../lib/upstream/page_schemas.js';
import { postKeyed } from '../lib/upstream/keyed_write.js';
import { upstreamFor } from '../lib/upstream/upstream_for.js';

export const ProductSchema = z.object({
  id: z.string(),
  sku: z.string(),
  name: z.string(),
  category: z.string(),
  unit: z.string(),
  barcode: z.string().nullable().optional(),
  image: z.string().nullable().optional(),
  /** Set by a variant build of the catalog (`canary`); absent from the stable one. */
  variant: z.string().optional(),
});
export type Product = z.infer<typeof ProductSchema>;

const CategorySchema = z.object({ id: z.string(), name: z.string(), productCount: z.number() });
export type Category = z.infer<typeof CategorySchema>;

/** Filters of listProducts. */
export interface ProductFilter {
  limit: number;
  cursor?: string | null;
  /** Text search over name, sku and barcode. */
  q?: string | null;
  category?: string | null;
}

export interface ProductInput {
  sku?: string;
  name?: string;
  category?: string;
  unit?: string;
  barcode?: string | null;
  image?: string | null;
}

/** The catalog service (products, categories), called for one tenant; products are cached. */
export default class CatalogService extends Service {
  /** One page of the tenant's products (limit 1..200), by sku. */
  async listProducts(tenantId: string, filter: ProductFilter): Promise<Page<Product>> {
    const query = pageQuery({ ...filter });
    return upstreamFor(this.ctx, 'catalog', tenantId).get(
      `/products?${query}`,
      pageOf(ProductSchema),
    );
  }

  /** Products by id, from the cache or one batch call per 200 misses. */
  async productsByIds(tenantId: string, ids: readonly string[]): Promise<Map<string, Product>> {
    const client = upstreamFor(this.ctx, 'catalog', tenantId);
    const schema = itemsOf(ProductSchema);
    return cachedBatch(
      this.ctx,
      'product',
      tenantId,
      ids,
      async (part) => (await client.query('/products/batch', { ids: part }, schema)).items,
      (product) => product.id,
    );
  }

  async categories(tenantId: string): Promise<Category[]> {
    const schema = itemsOf(CategorySchema);
    const client = upstreamFor(this.ctx, 'catalog', tenantId);
    const found = await this.app.mosaicRuntime.cache.getMany(
      'categories',
      tenantId,
      ['all'],
      async () => new Map([['all', (await client.get('/categories', schema)).items]]),
      cacheTallyOf(this.ctx),
    );
    return found.get('all') ?? [];
  }

  /**
   * Adds a product, at most once per idempotency key: a retry with the key answers the product
   * the first try made, not "sku already exists".
   */
  async createProduct(
    tenantId: string,
    input: ProductInput,
    idempotencyKey?: string | null,
  ): Promise<Product> {
    const product = await postKeyed(upstreamFor(this.ctx, 'catalog', tenantId), {
      path: '/products',
      body: { ...input },
      key: idempotencyKey ?? randomUUID(),
      schema: ProductSchema,
      action: 'Creating the product',
    });
    await this.forget(tenantId, product.id);
    return product;
  }

  async updateProduct(tenantId: string, id: string, patch: ProductInput): Promise<Product> {
    const client = upstreamFor(this.ctx, 'catalog', tenantId);
    const product = await client.patch(`/products/${encodeURIComponent(id)}`, patch, ProductSchema);
    await this.forget(tenantId, product.id);
    return product;
  }

  /** Invalidate a changed product and the category counts it feeds. */
  private async forget(tenantId: string, productId: string): Promise<void> {
    const { cache } = this.app.mosaicRuntime;
    await Promise.all([
      cache.invalidate('product', tenantId, [productId]),
      cache.invalidate('categories', tenantId, ['all']),
    ]);
  }
}
