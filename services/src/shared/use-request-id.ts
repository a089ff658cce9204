import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';

// Accept the caller's id only when it is short and printable, so it is safe to log and echo.
const REQUEST_ID_PATTERN = /^[\w.:-]{1,128}$/;

/** Fastify `genReqId`: keeps the caller's `x-request-id` (BFF, browser) or makes a new one. */
export function generateRequestId(raw: IncomingMessage): string {
  const header = raw.headers['x-request-id'];
  const candidate = Array.isArray(header) ? header[0] : header;
  return candidate && REQUEST_ID_PATTERN.test(candidate) ? candidate : randomUUID();
}

/** Echoes the request id on every response, errors and 404s included. */
export function useRequestId(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
}
