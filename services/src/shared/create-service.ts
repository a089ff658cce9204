import Fastify, { type FastifyInstance } from 'fastify';
import { stdoutSink, type LogSink } from './log-line.js';
import { generateRequestId, useRequestId } from './use-request-id.js';
import { useTenant } from './use-tenant.js';
import { useRequestLog } from './use-request-log.js';
import { useErrorHandler } from './use-error-handler.js';
import { useTextGuard } from './use-text-guard.js';
import { serviceVariant, useVariant } from './use-variant.js';

export interface CreateServiceOptions {
  /** Service name written into every log line, e.g. `catalog`. */
  name: string;
  /**
   * Where JSON log lines go.
   * @default one line per record on stdout
   */
  log?: LogSink;
  /**
   * Which build this is, said on every response as `x-mosaic-variant`.
   * @default MOSAIC_SERVICE_VARIANT (unset: the stable build, no header)
   */
  variant?: string;
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
  useVariant(app, options.variant ?? serviceVariant());
  app.get('/healthz', { config: { public: true } }, async () => ({ status: 'ok' }));
  return app;
}
