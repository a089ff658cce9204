import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createService } from '../shared/create-service.js';
import { decodeCursor } from '../shared/cursor.js';
import type { Database } from '../shared/database.js';
import { productIdFor } from '../shared/ids.js';
import type { LogSink } from '../shared/log-line.js';
import { batchIds, pageQuery, toPage, type Page } from '../shared/page.js';
import { inRequestOrder } from '../shared/in-request-order.js';
import { operationContext, recordOperation, recordedUpdate } from '../shared/operation-log.js';
import { readerOf } from '../shared/use-writer-tracking.js';
import { runKeyedCreate } from '../shared/write-keyed.js';
import { parseInput } from '../shared/parse-input.js';
import { requireFound } from '../shared/require-found.js';
import { ServiceError } from '../shared/service-error.js';
import type { Category, Product } from './product.js';
import { createProductRepository } from './product-repository.js';
import { serviceVariant } from '../shared/use-variant.js';
import { markVariant } from './mark-variant.js';

export { MAX_BATCH } from '../shared/page.js';

const listQuery = pageQuery.extend({
  q: z.string().trim().min(1).max(64).optional(),
  category: z.string().trim().min(1).max(64).optional(),
});

const productFields = z.object({
  name: z.string().trim().min(1).max(120),
  category: z.string().trim().min(1).max(64),
  unit: z.string().trim().min(1).max(16),
  barcode: z
    .string()
    .regex(/^\d{8,14}$/, 'expected 8-14 digits')
    .nullable(),
  image: z
    .url({ protocol: /^https?$/ })
    .max(512)
    .nullable(),
});

const newProductBody = productFields.extend({
  sku: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,39}$/, 'expected letters, digits and -'),
  // Optional when creating, but a PATCH without them must leave them alone.
  barcode: productFields.shape.barcode.default(null),
  image: productFields.shape.image.default(null),
});

const patchProductBody = productFields.partial().refine((body) => Object.keys(body).length > 0, {
  message: 'send at least one of name, category, unit, barcode, image',
});

/** The catalog HTTP API over a migrated database. */
export function createCatalogApp(db: Database, log?: LogSink): FastifyInstance {
  const app = createService({ name: 'catalog', log });
  const products = createProductRepository(db);
  // A canary build marks every product it returns, so the product can show which build answered.
  const variant = serviceVariant();
  if (variant)
    app.addHook('preSerialization', async (_req, _reply, body) => markVariant(body, variant));

  app.get('/products', async (request): Promise<Page<Product>> => {
    const query = parseInput(listQuery, request.query, 'query');
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    const rows = await createProductRepository(db.read(readerOf(request))).list(
      request.tenantId,
      query.limit + 1,
      after,
      query,
    );
    return toPage(rows, query.limit, (product) => product.sku);
  });

  app.post('/products/batch', async (request): Promise<{ items: Product[] }> => {
    const body = parseInput(z.object({ ids: batchIds }), request.body, 'body');
    return { items: inRequestOrder(body.ids, await products.getMany(request.tenantId, body.ids)) };
  });

  app.get<{ Params: { id: string } }>('/products/:id', async (request): Promise<Product> =>
    requireFound(
      await products.get(request.tenantId, request.params.id),
      'product',
      request.params.id,
      request.tenantId,
    ),
  );

  // Keyed, a retry answers the product the first try made (as it is now), or the same refusal.
  app.post('/products', async (request, reply): Promise<Product> => {
    const body = parseInput(newProductBody, request.body, 'body');
    const { tenantId } = request;
    const id = productIdFor(tenantId, body.sku);
    const product = await runKeyedCreate(db, request, body, {
      async write(tx) {
        const inserted = await createProductRepository(tx).insert(tenantId, id, body);
        if (!inserted) {
          throw new ServiceError(
            'CONFLICT',
            `sku '${body.sku}' already exists: pick another sku or PATCH /products/${id}`,
          );
        }
        await recordOperation(tx, operationContext(request), {
          operation: 'product.create',
          entityType: 'product',
          entityId: inserted.id,
          before: null,
          after: inserted,
        });
        return { entityId: inserted.id, value: inserted };
      },
      load: async (entityId) =>
        requireFound(await products.get(tenantId, entityId), 'product', entityId, tenantId),
    });
    reply.status(201);
    return product;
  });

  app.patch<{ Params: { id: string } }>('/products/:id', async (request): Promise<Product> => {
    const body = parseInput(patchProductBody, request.body, 'body');
    const { tenantId, params } = request;
    const product = await db.transaction((tx) => {
      const repository = createProductRepository(tx);
      return recordedUpdate(
        tx,
        operationContext(request),
        'product',
        () => repository.get(tenantId, params.id),
        () => repository.update(tenantId, params.id, body),
      );
    });
    return requireFound(product, 'product', request.params.id, request.tenantId);
  });

  app.get('/categories', async (request): Promise<{ items: Category[] }> => ({
    // A shop has tens of categories, so this list is not paged.
    items: await db.read(readerOf(request)).query<Category>(
      `SELECT c.id, c.name, count(p.id)::int AS "productCount" FROM categories c
       LEFT JOIN products p ON p.tenant_id = c.tenant_id AND p.category = c.name
       WHERE c.tenant_id = $1 GROUP BY c.id, c.name ORDER BY c.name`,
      [request.tenantId],
    ),
  }));

  return app;
}
