import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isUuid } from '../shared/ids.js';
import { ServiceError } from '../shared/service-error.js';
import { createService } from '../shared/create-service.js';
import { decodeCursor } from '../shared/cursor.js';
import type { Database } from '../shared/database.js';
import type { LogSink } from '../shared/log-line.js';
import { batchIds, pageQuery, toPage, type Page } from '../shared/page.js';
import { inRequestOrder } from '../shared/in-request-order.js';
import { operationContext, recordOperation, recordedUpdate } from '../shared/operation-log.js';
import { readerOf } from '../shared/use-writer-tracking.js';
import { parseInput } from '../shared/parse-input.js';
import { requireFound } from '../shared/require-found.js';
import { MEMBER_LEVELS, type Customer } from './customer.js';
import { createCustomerRepository, type CustomerKey } from './customer-repository.js';

const listQuery = pageQuery.extend({
  q: z.string().trim().min(1).max(64).optional(),
  memberLevel: z.enum(MEMBER_LEVELS).optional(),
});

const fields = z.object({
  name: z.string().trim().min(1).max(60),
  phone: z.string().regex(/^1\d{10}$/, 'expected an 11-digit mainland mobile number'),
  address: z.string().trim().min(1).max(200).nullable(),
  memberLevel: z.enum(MEMBER_LEVELS),
});

const newCustomerBody = fields.extend({
  address: fields.shape.address.default(null),
  memberLevel: fields.shape.memberLevel.default('none'),
});

const patchCustomerBody = fields.partial().refine((body) => Object.keys(body).length > 0, {
  message: 'send at least one of name, phone, address, memberLevel',
});

function decodeKey(cursor: string): CustomerKey {
  const [name = '', id = ''] = decodeCursor(cursor).split('\u0000');
  if (!isUuid(id))
    throw new ServiceError('BAD_REQUEST', 'query.cursor: not a cursor this service issued');
  return { name, id };
}

/** The party HTTP API: a tenant's customers. */
export function createPartyApp(db: Database, log?: LogSink): FastifyInstance {
  const app = createService({ name: 'party', log });
  const customers = createCustomerRepository(db);

  app.get('/customers', async (request): Promise<Page<Customer>> => {
    const query = parseInput(listQuery, request.query, 'query');
    const after = query.cursor === undefined ? undefined : decodeKey(query.cursor);
    const rows = await createCustomerRepository(db.read(readerOf(request))).list(
      request.tenantId,
      query.limit + 1,
      after,
      query,
    );
    return toPage(rows, query.limit, (customer) => `${customer.name}\u0000${customer.id}`);
  });

  app.post('/customers/batch', async (request): Promise<{ items: Customer[] }> => {
    const body = parseInput(z.object({ ids: batchIds }), request.body, 'body');
    return { items: inRequestOrder(body.ids, await customers.getMany(request.tenantId, body.ids)) };
  });

  app.get<{ Params: { id: string } }>('/customers/:id', async (request): Promise<Customer> => {
    const [customer] = await customers.getMany(request.tenantId, [request.params.id]);
    return requireFound(customer, 'customer', request.params.id, request.tenantId);
  });

  app.post('/customers', async (request, reply): Promise<Customer> => {
    const body = parseInput(newCustomerBody, request.body, 'body');
    const customer = await db.transaction(async (tx) => {
      const created = await createCustomerRepository(tx).create(request.tenantId, body);
      await recordOperation(tx, operationContext(request), {
        operation: 'customer.create',
        entityType: 'customer',
        entityId: created.id,
        before: null,
        after: created,
      });
      return created;
    });
    reply.status(201);
    return customer;
  });

  app.patch<{ Params: { id: string } }>('/customers/:id', async (request): Promise<Customer> => {
    const body = parseInput(patchCustomerBody, request.body, 'body');
    const { tenantId, params } = request;
    const customer = await db.transaction((tx) => {
      const repository = createCustomerRepository(tx);
      return recordedUpdate(
        tx,
        operationContext(request),
        'customer',
        async () => (await repository.getMany(tenantId, [params.id]))[0],
        () => repository.update(tenantId, params.id, body),
      );
    });
    return requireFound(customer, 'customer', request.params.id, request.tenantId);
  });

  return app;
}
