import type { z } from 'zod';
import { BffError, ErrorCode } from './errors.js';

/** Options of createUpstreamClient. */
export interface UpstreamClientOptions {
  /** Service name for error messages, e.g. 'catalog'. */
  name: string;
  /** Base URL, e.g. 'http://127.0.0.1:7101'. */
  baseUrl: string;
  /** Abort a call after this many ms. @default 5000 */
  timeoutMs?: number;
  /** Headers on every call: x-tenant-id, x-request-id, traceparent. */
  headers: Record<string, string>;
}

export interface UpstreamClient {
  get<T>(path: string, schema: z.ZodType<T>): Promise<T>;
  post<T>(path: string, body: unknown, schema: z.ZodType<T>): Promise<T>;
}

/**
 * A JSON client for one upstream service over native fetch. Every failure (refused, timeout,
 * non-2xx, unexpected JSON) becomes a BffError with an UPSTREAM_* code, never a raw crash.
 */
export function createUpstreamClient(options: UpstreamClientOptions): UpstreamClient {
  const { name, baseUrl, timeoutMs = 5000, headers } = options;

  async function call<T>(
    method: string,
    path: string,
    body: unknown,
    schema: z.ZodType<T>,
  ): Promise<T> {
    const url = new URL(path, baseUrl);
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
      throw new BffError(
        response.status >= 500 ? ErrorCode.UPSTREAM_UNAVAILABLE : ErrorCode.UPSTREAM_BAD_RESPONSE,
        `${name} service answered ${response.status} to ${method} ${url.pathname}${upstreamCode(text)}`,
      );
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      throw new BffError(
        ErrorCode.UPSTREAM_BAD_RESPONSE,
        `${name} service sent invalid JSON for ${method} ${url.pathname}`,
        { cause: err },
      );
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new BffError(
        ErrorCode.UPSTREAM_BAD_RESPONSE,
        `${name} service sent an unexpected shape for ${method} ${url.pathname}: ${parsed.error.message}`,
      );
    }
    return parsed.data;
  }

  return {
    get: (path, schema) => call('GET', path, undefined, schema),
    post: (path, body, schema) => call('POST', path, body, schema),
  };
}

/** The upstream's own error code, when it sent `{error: {code}}`, for the message. */
function upstreamCode(text: string): string {
  try {
    const code = (JSON.parse(text) as { error?: { code?: unknown } }).error?.code;
    return typeof code === 'string' ? ` (${code})` : '';
  } catch {
    return '';
  }
}
