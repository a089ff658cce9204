import { readErrorBody } from '@mosaic/contracts';
import type { ReadError } from '@mosaic/contracts';
import { MosaicError, MosaicErrorCode } from '../../shared/mosaic-error.js';

/** Where the registry is and the token to use; both default from the environment. */
export interface RegistryOptions {
  /**
   * Base URL of the BFF that hosts the registry.
   * @default process.env.MOSAIC_REGISTRY_URL ?? 'http://localhost:8080'
   */
  registry?: string;
  /**
   * Publish token (never on the command line, where `ps` shows it).
   * @default process.env.MOSAIC_PUBLISH_TOKEN
   */
  token?: string;
}

/** A registry answer: status, parsed JSON body (if any) and the request id to quote. */
export interface RegistryAnswer<T> {
  url: string;
  ok: boolean;
  status: number;
  body: T | undefined;
  /** What a refusal said (`{error: {code, message, requestId}}`), read by the contract's reader. */
  error: ReadError | undefined;
  requestId: string | undefined;
}

/** Throws the CLI's one coded error: a line saying what to fix, with the request id when known. */
export function failRegistry(message: string, requestId?: string, status?: number): never {
  throw new MosaicError(MosaicErrorCode.PUBLISH_FAILED, message, { requestId, status });
}

/** The registry base URL and the token, or a coded error when no token is set. */
export function resolveRegistry(options: RegistryOptions): { base: string; token: string } {
  const base = (
    options.registry ??
    process.env.MOSAIC_REGISTRY_URL ??
    'http://localhost:8080'
  ).replace(/\/$/, '');
  const token = options.token ?? process.env.MOSAIC_PUBLISH_TOKEN;
  if (!token)
    failRegistry(
      'MOSAIC_PUBLISH_TOKEN is not set: export the publish token your operator gave you',
    );
  return { base, token };
}

/**
 * One call to the registry API with the publish token. A network failure becomes a coded error
 * naming the URL; any HTTP answer is returned for the caller to judge.
 */
export async function requestRegistry<T>(
  options: RegistryOptions,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  pathname: string,
  body?: { type: string; bytes: Uint8Array | string },
): Promise<RegistryAnswer<T>> {
  const { base, token } = resolveRegistry(options);
  const url = `${base}${pathname}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body ? { 'content-type': body.type } : {}),
      },
      body: body?.bytes,
    });
  } catch (error) {
    failRegistry(
      `${method} ${url} got no answer (${String(error)}): is MOSAIC_REGISTRY_URL right?`,
    );
  }
  const parsed = (await response.json().catch(() => undefined)) as unknown;
  const error = response.ok ? undefined : readErrorBody(parsed);
  return {
    url,
    ok: response.ok,
    status: response.status,
    body: parsed as T | undefined,
    error,
    requestId: error?.requestId ?? response.headers.get('x-request-id') ?? undefined,
  };
}
