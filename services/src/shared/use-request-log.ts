import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { LogSink } from './log-line.js';

/**
 * One JSON line per finished request. Only ids and routing facts are logged: never bodies,
 * cookies or authorization headers.
 */
export function useRequestLog(app: FastifyInstance, service: string, sink: LogSink): void {
  app.addHook('onResponse', async (request, reply) => {
    sink({
      time: new Date().toISOString(),
      level: 'info',
      service,
      requestId: request.id,
      tenant: request.tenantId || null,
      method: request.method,
      path: request.url.split('?')[0],
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 10) / 10,
      traceparent: header(request, 'traceparent'),
      env: header(request, 'x-mosaic-env'),
    });
  });
}

function header(request: FastifyRequest, name: string): string | null {
  const value = request.headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}
