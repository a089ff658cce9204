import { Service } from 'egg';
import { z } from 'zod';
import { mosaicConfig } from '../lib/mosaic_config.js';
import { createUpstreamClient } from '../lib/upstream_client.js';
import { upstreamHeaders } from '../lib/upstream_headers.js';

export const StockSchema = z.object({
  productId: z.string(),
  onHand: z.number().int(),
  warehouses: z.array(z.object({ warehouseId: z.string(), name: z.string(), onHand: z.number() })),
});
export type Stock = z.infer<typeof StockSchema>;

const StockBatchSchema = z.object({ items: z.array(StockSchema) });

/** The inventory service (stock levels), called for one tenant. */
export default class InventoryService extends Service {
  /** Stock for up to 200 products in one call; one item per id. */
  async stockFor(tenantId: string, productIds: readonly string[]): Promise<Stock[]> {
    const config = mosaicConfig(this.app);
    const client = createUpstreamClient({
      name: 'inventory',
      baseUrl: config.inventoryUrl,
      timeoutMs: config.upstreamTimeoutMs,
      headers: upstreamHeaders(this.ctx, tenantId),
    });
    const { items } = await client.post(
      '/stock/batch',
      { productIds: [...productIds] },
      StockBatchSchema,
    );
    return items;
  }
}
