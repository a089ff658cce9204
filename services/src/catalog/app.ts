import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createService } from '../shared/create-service.js';
import { decodeCursor, encodeCursor } from '../shared/cursor.js';
import type { Database } from '../shared/database.js';
import type { LogSink } from '../shared/log-line.js';
import { parseInput } from '../shared/parse-input.js';
import { ServiceError } from '../shared/service-error.js';
import type { Product } from './product.js';
import { createProductRepository } from './product-repository.js';

/** Largest page and largest batch a caller may ask for. */
export const MAX_BATCH = 200;

const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_BATCH).default(50),
  cursor: z.string().min(1).max(512).optional(),
});

const batchBody = z.object({
  ids: z.array(z.string().min(1).max(64)).min(1).max(MAX_BATCH),
});

/** The catalog HTTP API over a migrated database. */
export function createCatalogApp(db: Database, log?: LogSink): FastifyInstance {
  const app = createService({ name: 'catalog', log });
  const products = createProductRepository(db);

  app.get(
    '/products',
    async (request): Promise<{ items: Product[]; nextCursor: string | null }> => {
      const query = parseInput(listQuery, request.query, 'query');
      const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
      // One extra row tells whether another page exists without a count query.
      const rows = await products.list(request.tenantId, query.limit + 1, after);
      const items = rows.slice(0, query.limit);
      const last = items.at(-1);
      return {
        items,
        nextCursor: rows.length > query.limit && last ? encodeCursor(last.sku) : null,
      };
    },
  );

  app.post('/products/batch', async (request): Promise<{ items: Product[] }> => {
    const body = parseInput(batchBody, request.body, 'body');
    const found = new Map(
      (await products.getMany(request.tenantId, body.ids)).map((product) => [product.id, product]),
    );
    // Answer in the caller's order, each product once.
    const items = [...new Set(body.ids.map((id) => id.toLowerCase()))]
      .map((id) => found.get(id))
      .filter((product): product is Product => product !== undefined);
    return { items };
  });

  app.get<{ Params: { id: string } }>('/products/:id', async (request): Promise<Product> => {
    const product = await products.get(request.tenantId, request.params.id);
    if (!product) {
      throw new ServiceError(
        'NOT_FOUND',
        `product '${request.params.id.slice(0, 64)}' does not exist for tenant '${request.tenantId}'`,
      );
    }
    return product;
  });

  return app;
}
