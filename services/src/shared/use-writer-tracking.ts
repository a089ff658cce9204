import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database, Reader } from './database.js';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Who a request acts for: its tenant and the BFF's `x-user-id`, if any. */
export function readerOf(request: FastifyRequest): Reader {
  const header = request.headers['x-user-id'];
  const userId = (Array.isArray(header) ? header[0] : header) ?? null;
  return { tenantId: request.tenantId, userId };
}

/**
 * Read your own writes: a request that may write (any method but GET/HEAD/OPTIONS) marks its
 * tenant and user as writing when it starts and again as it answers, so their next reads through
 * `db.read` go to the primary for the sticky window.
 */
export function useWriterTracking(app: FastifyInstance, db: Database): void {
  const mark = async (request: FastifyRequest): Promise<void> => {
    if (!READ_METHODS.has(request.method) && request.tenantId) db.wrote(readerOf(request));
  };
  app.addHook('preHandler', mark);
  app.addHook('onSend', mark);
}
