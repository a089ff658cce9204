import type { FastifyError, FastifyInstance } from 'fastify';
import type { LogSink } from './log-line.js';
import { ServiceError, type ErrorCode } from './service-error.js';

/** The JSON body of every error response. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; requestId: string };
}

/**
 * The one place errors become responses: typed {@link ServiceError}s keep their code, Fastify's
 * own 4xx (bad JSON, wrong content type) become BAD_REQUEST, anything else is a masked 500 that is
 * logged with its stack.
 */
export function useErrorHandler(app: FastifyInstance, service: string, sink: LogSink): void {
  app.setErrorHandler<FastifyError | ServiceError>((error, request, reply) => {
    const { status, code, message } = describe(error, request.id);
    if (status >= 500) {
      sink({
        time: new Date().toISOString(),
        level: 'error',
        service,
        requestId: request.id,
        tenant: request.tenantId || null,
        message: error.message,
        stack: error.stack,
      });
    }
    const body: ErrorBody = { error: { code, message, requestId: request.id } };
    return reply.status(status).send(body);
  });

  app.setNotFoundHandler((request, reply) => {
    const body: ErrorBody = {
      error: {
        code: 'NOT_FOUND',
        message: `no route ${request.method} ${request.url.split('?')[0]}`,
        requestId: request.id,
      },
    };
    return reply.status(404).send(body);
  });
}

function describe(
  error: FastifyError | ServiceError,
  requestId: string,
): { status: number; code: ErrorCode; message: string } {
  if (error instanceof ServiceError) {
    return { status: error.statusCode, code: error.code, message: error.message };
  }
  const status = error.statusCode ?? 500;
  if (status === 415) {
    return { status, code: 'UNSUPPORTED_MEDIA_TYPE', message: `${error.message}: send JSON` };
  }
  if (status >= 400 && status < 500) {
    return { status, code: 'BAD_REQUEST', message: `body: ${error.message}` };
  }
  return {
    status: 500,
    code: 'INTERNAL',
    message: `unexpected error; the service log has details under requestId ${requestId}`,
  };
}
