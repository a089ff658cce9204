import { readErrorText } from '@mosaic/contracts';
import type { ServiceErrorCode } from '@mosaic/contracts';
import { request } from 'undici';
import type { Dispatcher } from 'undici';
import type { z } from 'zod';
import { BffError, ErrorCode } from '../http/errors.js';
import { fieldsFromReason } from '../http/field_errors.js';
import { BUDGET_SPENT, runWithPolicy } from './upstream_policy.js';
import type { UpstreamPolicy } from './upstream_policy.js';

/** Options of createUpstreamClient. */
export interface UpstreamClientOptions {
  /** Service name for error messages and metrics, e.g. 'catalog'. */
  name: string;
  /** Base URL, e.g. 'http://127.0.0.1:7101'. */
  baseUrl: string;
  /** Abort a call after this many ms. @default 5000 */
  timeoutMs?: number;
  /**
   * When the caller's time budget ends (a `performance.now()` time): no call outlives it, and
   * none starts after it. @default no budget
   */
  deadline?: number;
  /** Headers on every call: x-tenant-id, x-request-id, traceparent. */
  headers: Record<string, string>;
  /** Keep-alive connections to the service (undici Pool); the global agent when absent. */
  dispatcher?: Dispatcher;
  /** Circuit breaker and read retries of this service; none for one-off probes. */
  policy?: UpstreamPolicy;
  /** Told about every call once it settled, for metrics and the access log. */
  onCall?: (call: { service: string; ms: number; outcome: 'ok' | 'error' }) => void;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface UpstreamClient {
  get<T>(path: string, schema: z.ZodType<T>): Promise<T>;
  /** POST that only reads (batch lookups): retried like a GET. */
  query<T>(path: string, body: unknown, schema: z.ZodType<T>): Promise<T>;
  post<T>(path: string, body: unknown, schema: z.ZodType<T>): Promise<T>;
  patch<T>(path: string, body: unknown, schema: z.ZodType<T>): Promise<T>;
}

/** Upstream statuses the caller caused, mapped to the code the client sees. */
const clientErrorCodes: Record<number, ErrorCode> = {
  400: ErrorCode.BAD_USER_INPUT,
  404: ErrorCode.NOT_FOUND,
  409: ErrorCode.CONFLICT,
  422: ErrorCode.BAD_USER_INPUT,
};

/** Statuses that say "the service is not there right now": the only ones a breaker counts. */
const OUTAGE_STATUSES = new Set([502, 503, 504]);

/**
 * A JSON client for one upstream service over undici (keep-alive pool). Every failure (refused,
 * timeout, non-2xx, unexpected JSON) becomes a BffError with a code, never a raw crash: an
 * outage (unreachable, 502/503/504) is UPSTREAM_UNAVAILABLE, a hang UPSTREAM_TIMEOUT, a 4xx the
 * caller's own mistake (BAD_USER_INPUT with the field, NOT_FOUND, CONFLICT, …), any other 5xx
 * UPSTREAM_BAD_RESPONSE. Only outages and hangs are retried (reads only) and count in breakers.
 */
export function createUpstreamClient(options: UpstreamClientOptions): UpstreamClient {
  const { name, timeoutMs = 5000, deadline, headers, dispatcher, policy, onCall } = options;
  const baseUrl = options.baseUrl.replace(/\/+$/, '');

  async function once<T>(method: Method, path: string, body: unknown, schema: z.ZodType<T>) {
    const started = performance.now();
    let outcome: 'ok' | 'error' = 'error';
    try {
      const result = await send(method, path, body, schema);
      outcome = 'ok';
      return result;
    } finally {
      onCall?.({ service: name, ms: performance.now() - started, outcome });
    }
  }

  async function send<T>(method: Method, path: string, body: unknown, schema: z.ZodType<T>) {
    const where = `${method} ${path.split('?')[0]}`;
    const left =
      deadline === undefined ? timeoutMs : Math.min(timeoutMs, deadline - performance.now());
    if (left <= 0) {
      throw new BffError(
        ErrorCode.UPSTREAM_TIMEOUT,
        `${name} service was not asked (${where}): the request's time budget was spent`,
        { cause: BUDGET_SPENT },
      );
    }
    let status: number;
    let text: string;
    try {
      const response = await request(`${baseUrl}${path}`, {
        method,
        dispatcher,
        headers: {
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(Math.ceil(left)),
      });
      status = response.statusCode;
      text = await response.body.text();
    } catch (err) {
      const timedOut =
        err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
      throw new BffError(
        timedOut ? ErrorCode.UPSTREAM_TIMEOUT : ErrorCode.UPSTREAM_UNAVAILABLE,
        timedOut
          ? `${name} service did not answer ${where} within ${Math.ceil(left)} ms`
          : `${name} service is unreachable (${where} at ${baseUrl}); is it running?`,
        { cause: err },
      );
    }
    if (status < 200 || status >= 300) throw statusError(status, text, where);
    let json: unknown;
    try {
      json = text === '' ? null : JSON.parse(text);
    } catch (err) {
      throw new BffError(
        ErrorCode.UPSTREAM_BAD_RESPONSE,
        `${name} sent invalid JSON for ${where}`,
        {
          cause: err,
        },
      );
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new BffError(
        ErrorCode.UPSTREAM_BAD_RESPONSE,
        `${name} service sent an unexpected shape for ${where}: ${parsed.error.message}`,
      );
    }
    return parsed.data;
  }

  function statusError(status: number, text: string, where: string): BffError {
    const upstream = upstreamError(text);
    if (status >= 500) {
      const code = OUTAGE_STATUSES.has(status)
        ? ErrorCode.UPSTREAM_UNAVAILABLE
        : ErrorCode.UPSTREAM_BAD_RESPONSE;
      return new BffError(
        code,
        `${name} service answered ${status} to ${where}${upstream.code ? ` (${upstream.code})` : ''}`,
      );
    }
    const code = knownCode(upstream.code) ?? clientErrorCodes[status] ?? ErrorCode.BAD_USER_INPUT;
    return new BffError(code, upstream.message ?? `${name} service refused ${where} (${status})`, {
      fields:
        code === ErrorCode.BAD_USER_INPUT && upstream.message
          ? fieldsFromReason(upstream.message)
          : undefined,
    });
  }

  async function call<T>(
    method: Method,
    path: string,
    body: unknown,
    schema: z.ZodType<T>,
    read: boolean,
  ): Promise<T> {
    // A retry the budget did not allow reports the failure that called for it.
    let failure: unknown;
    const run = async (): Promise<T> => {
      try {
        return await once(method, path, body, schema);
      } catch (err) {
        if (!(err instanceof BffError && err.cause === BUDGET_SPENT)) failure = err;
        throw err;
      }
    };
    try {
      return await (policy ? runWithPolicy(policy, name, read, run) : run());
    } catch (err) {
      throw err instanceof BffError && err.cause === BUDGET_SPENT && failure ? failure : err;
    }
  }

  return {
    get: (path, schema) => call('GET', path, undefined, schema, true),
    query: (path, body, schema) => call('POST', path, body, schema, true),
    post: (path, body, schema) => call('POST', path, body, schema, false),
    patch: (path, body, schema) => call('PATCH', path, body, schema, false),
  };
}

/**
 * What each service code becomes for the BFF's caller; `undefined`: the status decides. A
 * service's BAD_REQUEST is not passed on (the bad input came from the BFF's caller, so it becomes
 * BAD_USER_INPUT through the status), nor are outages (the BFF words those itself). A code added
 * to contracts' `ServiceErrorCode` must be placed here: the compiler says so.
 */
const FROM_SERVICE: Record<ServiceErrorCode, ErrorCode | undefined> = {
  BAD_REQUEST: undefined,
  TENANT_REQUIRED: undefined,
  INVALID_CREDENTIALS: ErrorCode.INVALID_CREDENTIALS,
  NOT_FOUND: ErrorCode.NOT_FOUND,
  CONFLICT: ErrorCode.CONFLICT,
  INSUFFICIENT_STOCK: ErrorCode.INSUFFICIENT_STOCK,
  RESERVATION_RELEASED: undefined,
  RESERVATION_COMMITTED: undefined,
  UPSTREAM_UNAVAILABLE: undefined,
  UNSUPPORTED_MEDIA_TYPE: ErrorCode.UNSUPPORTED_MEDIA_TYPE,
  INTERNAL: undefined,
};

function knownCode(code: string | undefined): ErrorCode | undefined {
  return code !== undefined && Object.hasOwn(FROM_SERVICE, code)
    ? FROM_SERVICE[code as ServiceErrorCode]
    : undefined;
}

/** The upstream's own `{error: {code, message}}`, when it sent one (the contract's reader). */
function upstreamError(text: string): { code?: string; message?: string } {
  return readErrorText(text) ?? {};
}
