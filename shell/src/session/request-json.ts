import { readErrorBody } from '@mosaic/contracts';
import { ShellError, ShellErrorCode } from '../shell-error.js';
import { reportSessionExpired } from './session-expiry.js';

/**
 * fetch + JSON for the BFF's /api routes; non-2xx becomes a ShellError with the BFF's code.
 * A 401 outside /api/session means the session expired while the user was working.
 */
export async function requestJson(
  path: string,
  init: RequestInit = {},
  fetchImpl: typeof fetch = globalThis.fetch,
): Promise<unknown> {
  let response: Response;
  try {
    response = await fetchImpl(path, {
      credentials: 'same-origin',
      ...init,
      headers: { accept: 'application/json', ...init.headers },
    });
  } catch (error) {
    throw new ShellError(
      ShellErrorCode.NETWORK_ERROR,
      `${init.method ?? 'GET'} ${path} got no answer: check your network connection`,
      { cause: error },
    );
  }
  const headerRequestId = response.headers.get('x-request-id') ?? undefined;
  if (response.status === 204) return undefined;
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    if (response.status === 401 && !path.startsWith('/api/session')) reportSessionExpired();
    const retryAfter = Number(response.headers.get('retry-after'));
    const error = readErrorBody(body);
    throw new ShellError(
      error?.code ?? ShellErrorCode.HTTP_ERROR,
      error?.message ?? `${init.method ?? 'GET'} ${path} failed with HTTP ${response.status}`,
      {
        status: response.status,
        requestId: error?.requestId ?? headerRequestId,
        retryAfterSeconds: retryAfter > 0 ? retryAfter : undefined,
      },
    );
  }
  return body;
}
