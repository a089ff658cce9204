import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createService } from '../shared/create-service.js';
import type { Database } from '../shared/database.js';
import type { LogSink } from '../shared/log-line.js';
import { parseInput } from '../shared/parse-input.js';
import type { StockLevel, Warehouse } from './stock.js';
import { createStockRepository } from './stock-repository.js';

/** Largest batch a caller may ask for. */
export const MAX_BATCH = 200;

const stockBatchBody = z.object({
  productIds: z.array(z.string().min(1).max(64)).min(1).max(MAX_BATCH),
});

/** The inventory HTTP API over a migrated database. */
export function createInventoryApp(db: Database, log?: LogSink): FastifyInstance {
  const app = createService({ name: 'inventory', log });
  const stock = createStockRepository(db);

  // A tenant has a handful of warehouses, so this list is not paginated.
  app.get('/warehouses', async (request): Promise<{ items: Warehouse[] }> => ({
    items: await stock.listWarehouses(request.tenantId),
  }));

  app.post('/stock/batch', async (request): Promise<{ items: StockLevel[] }> => {
    const body = parseInput(stockBatchBody, request.body, 'body');
    return { items: await stock.getLevels(request.tenantId, body.productIds) };
  });

  return app;
}
