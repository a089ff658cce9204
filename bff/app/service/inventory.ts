import { randomUUID } from 'node:crypto';
import { Service } from 'egg';
import { z } from 'zod';
import { cacheTallyOf } from '../lib/http/request_state.js';
import { cachedBatch } from '../lib/upstream/cached_batch.js';
import { itemsOf, pageOf, pageQuery } from '../lib/upstream/page_schemas.js';
import type { Page } from '../lib/upstream/page_schemas.js';
import { postKeyed } from '../lib/upstream/keyed_write.js';
import type { KeyedWrite } from '../lib/upstream/keyed_write.js';
import { upstreamFor } from '../lib/upstream/upstream_for.js';

const WarehouseStockSchema = z.object({
  warehouseId: z.string(),
  name: z.string(),
  onHand: z.number().int(),
  reserved: z.number().int().optional(),
  available: z.number().int().optional(),
});

export const StockSchema = z.object({
  productId: z.string(),
  onHand: z.number().int(),
  reserved: z.number().int().optional(),
  available: z.number().int().optional(),
  warehouses: z.array(WarehouseStockSchema),
});
export type Stock = z.infer<typeof StockSchema>;

const WarehouseSchema = z.object({ id: z.string(), name: z.string() });
export type Warehouse = z.infer<typeof WarehouseSchema>;

const MovementSchema = z.object({
  id: z.string(),
  productId: z.string(),
  warehouseId: z.string(),
  kind: z.string(),
  quantity: z.number().int(),
  onHandAfter: z.number().int().nullish(),
  actor: z.string().nullish(),
  reason: z.string().nullish(),
  reference: z.string().nullish(),
  createdAt: z.string(),
});
export type Movement = z.infer<typeof MovementSchema>;

const LowStockSchema = z.object({
  items: z.array(z.object({ productId: z.string(), onHand: z.number().int() })),
});

export interface MovementFilter {
  limit: number;
  cursor?: string | null;
  productId?: string | null;
  warehouseId?: string | null;
}

export interface AdjustInput extends KeyedWrite {
  productId: string;
  warehouseId: string;
  /** Signed change of on-hand stock. */
  quantity: number;
  reason: string;
  actor: string;
}

export interface TransferInput extends KeyedWrite {
  productId: string;
  fromWarehouseId: string;
  toWarehouseId: string;
  quantity: number;
  reason: string;
  actor: string;
}

/** The inventory service (warehouses, stock, movements), called for one tenant. */
export default class InventoryService extends Service {
  /** Stock per product, from the cache or one batch call per 200 misses. */
  async stockFor(tenantId: string, productIds: readonly string[]): Promise<Map<string, Stock>> {
    const client = upstreamFor(this.ctx, 'inventory', tenantId);
    const schema = itemsOf(StockSchema);
    return cachedBatch(
      this.ctx,
      'stock',
      tenantId,
      productIds,
      async (part) => (await client.query('/stock/batch', { productIds: part }, schema)).items,
      (stock) => stock.productId,
    );
  }

  async warehouses(tenantId: string): Promise<Warehouse[]> {
    const client = upstreamFor(this.ctx, 'inventory', tenantId);
    const schema = itemsOf(WarehouseSchema);
    const found = await this.app.mosaicRuntime.cache.getMany(
      'warehouses',
      tenantId,
      ['all'],
      async () => new Map([['all', (await client.get('/warehouses', schema)).items]]),
      cacheTallyOf(this.ctx),
    );
    return found.get('all') ?? [];
  }

  /**
   * Products whose on-hand total is below `below`, lowest first, at most `limit` (up to 100):
   * summed by the inventory service, so the answer stays small however big the catalog is.
   */
  async lowStock(
    tenantId: string,
    below: number,
    limit: number,
  ): Promise<{ productId: string; onHand: number }[]> {
    const schema = LowStockSchema;
    // The service's bounds: a longer list or a higher threshold means nothing more to an owner.
    const query = new URLSearchParams({
      below: String(Math.min(below, 1_000_000)),
      limit: String(Math.min(limit, 100)),
    });
    return (await upstreamFor(this.ctx, 'inventory', tenantId).get(`/stock/low?${query}`, schema))
      .items;
  }

  async movements(tenantId: string, filter: MovementFilter): Promise<Page<Movement>> {
    return upstreamFor(this.ctx, 'inventory', tenantId).get(
      `/movements?${pageQuery({ ...filter })}`,
      pageOf(MovementSchema),
    );
  }

  /**
   * Change on-hand stock in one warehouse (count corrections, damage); recorded as a movement, at
   * most once per idempotency key.
   */
  async adjust(tenantId: string, input: AdjustInput): Promise<void> {
    const { idempotencyKey, ...adjustment } = input;
    try {
      await postKeyed(upstreamFor(this.ctx, 'inventory', tenantId), {
        path: '/movements',
        body: { kind: 'adjustment', ...adjustment },
        key: idempotencyKey ?? randomUUID(),
        schema: z.unknown(),
        action: 'Adjusting stock',
      });
    } finally {
      await this.forgetStock(tenantId, [input.productId]);
    }
  }

  /** Move stock between two warehouses of the tenant, at most once per idempotency key. */
  async transfer(tenantId: string, input: TransferInput): Promise<void> {
    const { idempotencyKey, ...transfer } = input;
    try {
      await postKeyed(upstreamFor(this.ctx, 'inventory', tenantId), {
        path: '/transfers',
        body: transfer,
        key: idempotencyKey ?? randomUUID(),
        schema: z.unknown(),
        action: 'Transferring stock',
      });
    } finally {
      await this.forgetStock(tenantId, [input.productId]);
    }
  }

  /** Invalidate stock of products a write touched (orders call this too). */
  async forgetStock(tenantId: string, productIds: readonly string[]): Promise<void> {
    await this.app.mosaicRuntime.cache.invalidate('stock', tenantId, productIds);
  }
}
