import { readErrorBody } from '@mosaic/contracts';
import type { OperationContext } from '../shared/operation-log.js';
import { ServiceError } from '../shared/service-error.js';

/** Who a call to another service acts for, and the ids that trace it end to end. */
export interface UpstreamContext {
  tenantId: string;
  requestId: string;
  traceparent?: string;
  env?: string;
  /** Who asked, for the operation log here and in the services called (`x-user-id`). */
  operation?: OperationContext;
}

/** An answer below 500 from another service; 5xx and network failures throw instead. */
export interface UpstreamAnswer<T> {
  status: number;
  body: T;
}

/**
 * Calls another Mosaic service with the tenant and tracing headers. Anything that leaves the
 * outcome unknown (refused connection, reset, timeout, 5xx) throws UPSTREAM_UNAVAILABLE, so the
 * caller must treat the call as maybe-done.
 */
export async function callUpstream<T>(
  baseUrl: string,
  path: string,
  context: UpstreamContext,
  options: { method?: string; body?: unknown; timeoutMs: number },
): Promise<UpstreamAnswer<T>> {
  const headers: Record<string, string> = {
    'x-tenant-id': context.tenantId,
    'x-request-id': context.requestId,
  };
  if (context.traceparent) headers.traceparent = context.traceparent;
  if (context.env) headers['x-mosaic-env'] = context.env;
  if (context.operation?.userId) headers['x-user-id'] = context.operation.userId;
  if (context.operation?.userName)
    headers['x-user-name'] = encodeURIComponent(context.operation.userName);
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const where = `${options.method ?? 'GET'} ${baseUrl}${path}`;
  let response: Response;
  try {
    response = await fetch(`${baseUrl}${path}`, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch (error) {
    throw new ServiceError(
      'UPSTREAM_UNAVAILABLE',
      `${where} failed (${(error as Error).message}); retry later`,
    );
  }
  if (response.status >= 500) {
    throw new ServiceError(
      'UPSTREAM_UNAVAILABLE',
      `${where} answered ${response.status}; retry later`,
    );
  }
  try {
    return { status: response.status, body: (await response.json()) as T };
  } catch (error) {
    throw new ServiceError(
      'UPSTREAM_UNAVAILABLE',
      `${where} sent no JSON (${(error as Error).message})`,
    );
  }
}

/** The `error.code` of an upstream error body, if it has one. */
export function errorCode(body: unknown): string | undefined {
  return readErrorBody(body)?.code;
}
