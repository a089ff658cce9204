import Fastify, { type FastifyInstance } from 'fastify';
import { stdoutSink, type LogSink } from './log-line.js';
import { generateRequestId, useRequestId } from './use-request-id.js';
import { useTenant } from './use-tenant.js';
import { useRequestLog } from './use-request-log.js';
import { useErrorHandler } from './use-error-handler.js';
import { useTextGuard } from './use-text-guard.js';

export interface CreateServiceOptions {
  /** Service name written into every log line, e.g. `catalog`. */
  name: string;
  /**
   * Where JSON log lines go.
   * @default one line per record on stdout
   */
  log?: LogSink;
}

/**
 * A Fastify app with the cross-cutting behaviour every Mosaic service shares: request ids,
 * the tenant header, refusal of control characters and invalid Unicode in any input, one JSON log
 * line per request and one error shape. Fastify's own logger is off so the request line is the
 * only one.
 */
export function createService(options: CreateServiceOptions): FastifyInstance {
  const sink = options.log ?? stdoutSink;
  const app = Fastify({ logger: false, genReqId: generateRequestId });
  useRequestId(app);
  useTenant(app);
  useTextGuard(app);
  useRequestLog(app, options.name, sink);
  useErrorHandler(app, options.name, sink);
  app.get('/healthz', { config: { public: true } }, async () => ({ status: 'ok' }));
  return app;
}
