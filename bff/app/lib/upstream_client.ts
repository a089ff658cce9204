import type { z } from 'zod';
import { BffError, ErrorCode } from './errors.js';
import { fieldsFromReason } from './field_errors.js';
import { runWithPolicy } from './upstream_policy.js';
import type { UpstreamPolicy } from './upstream_policy.js';

/** Options of createUpstreamClient. */
export interface UpstreamClientOptions {
  /** Service name for error messages and metrics, e.g. 'catalog'. */
  name: string;
  /** Base URL, e.g. 'http://127.0.0.1:7101'. */
  baseUrl: string;
  /** Abort a call after this many ms. @default 5000 */
  timeoutMs?: number;
  /** Headers on every call: x-tenant-id, x-request-id, traceparent. */
  headers: Record<string, string>;
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

/**
 * A JSON client for one upstream service over native fetch. Every failure (refused, timeout,
 * non-2xx, unexpected JSON) becomes a BffError with a code, never a raw crash. Reads are retried
 * and every call goes through the service's circuit breaker when a policy is given.
 */
export function createUpstreamClient(options: UpstreamClientOptions): UpstreamClient {
  const { name, baseUrl, timeoutMs = 5000, headers, policy, onCall } = options;

  async function once<T>(method: Method, path: string, body: unknown, schema: z.ZodType<T>) {
    const url = new URL(path, baseUrl);
    const started = performance.now();
    let outcome: 'ok' | 'error' = 'error';
    try {
      const result = await send(method, url, body, schema);
      outcome = 'ok';
      return result;
    } finally {
      onCall?.({ service: name, ms: performance.now() - started, outcome });
    }
  }

  async function send<T>(method: Method, url: URL, body: unknown, schema: z.ZodType<T>) {
    const where = `${method} ${url.pathname}`;
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: {
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      const reason =
        err instanceof Error && err.name === 'TimeoutError'
          ? `did not answer within ${timeoutMs}ms`
          : 'is unreachable';
      throw new BffError(
        ErrorCode.UPSTREAM_UNAVAILABLE,
        `${name} service ${reason} (${method} ${url.origin}${url.pathname}); is it running?`,
        { cause: err },
      );
    }
    const text = await response.text().catch(() => '');
    if (!response.ok) {
      const upstream = upstreamError(text);
      const code =
        response.status >= 500
          ? ErrorCode.UPSTREAM_UNAVAILABLE
          : (knownCode(upstream.code) ??
            clientErrorCodes[response.status] ??
            ErrorCode.UPSTREAM_BAD_RESPONSE);
      throw new BffError(
        code,
        code === ErrorCode.UPSTREAM_UNAVAILABLE || code === ErrorCode.UPSTREAM_BAD_RESPONSE
          ? `${name} service answered ${response.status} to ${where}${upstream.code ? ` (${upstream.code})` : ''}`
          : (upstream.message ?? `${name} service refused ${where} (${response.status})`),
        {
          fields:
            code === ErrorCode.BAD_USER_INPUT && upstream.message
              ? fieldsFromReason(upstream.message)
              : undefined,
        },
      );
    }
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

  function call<T>(
    method: Method,
    path: string,
    body: unknown,
    schema: z.ZodType<T>,
    read: boolean,
  ) {
    const run = (): Promise<T> => once(method, path, body, schema);
    return policy ? runWithPolicy(policy, name, read, run) : run();
  }

  return {
    get: (path, schema) => call('GET', path, undefined, schema, true),
    query: (path, body, schema) => call('POST', path, body, schema, true),
    post: (path, body, schema) => call('POST', path, body, schema, false),
    patch: (path, body, schema) => call('PATCH', path, body, schema, false),
  };
}

/**
 * An upstream 4xx code the BFF also speaks (INVALID_CREDENTIALS, INSUFFICIENT_STOCK, …).
 * A service's BAD_REQUEST is not one: the bad input came from the BFF's caller, so it
 * becomes BAD_USER_INPUT through the status.
 */
function knownCode(code: string | undefined): ErrorCode | undefined {
  const known = Object.values(ErrorCode) as string[];
  return code && known.includes(code) && !code.startsWith('UPSTREAM_') && code !== 'BAD_REQUEST'
    ? (code as ErrorCode)
    : undefined;
}

/** The upstream's own `{error: {code, message}}`, when it sent one. */
function upstreamError(text: string): { code?: string; message?: string } {
  try {
    const error = (JSON.parse(text) as { error?: { code?: unknown; message?: unknown } }).error;
    return {
      code: typeof error?.code === 'string' ? error.code : undefined,
      message: typeof error?.message === 'string' ? error.message : undefined,
    };
  } catch {
    return {};
  }
}
