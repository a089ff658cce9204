/** What a screen needs to show about a failed request. */
export interface RequestFailure {
  /** The server's or client's message. */
  message: string;
  /** The error code, e.g. `FORBIDDEN`, `INSUFFICIENT_STOCK`, `NETWORK_ERROR`. */
  code: string | undefined;
  /** The request id to quote to support, when the server sent one. */
  requestId: string | undefined;
  /** The server refused this user (`FORBIDDEN`): show a forbidden state, not an error. */
  forbidden: boolean;
}

function field(error: unknown, name: string): string | undefined {
  if (typeof error !== 'object' || error === null || !(name in error)) return undefined;
  const value = (error as Record<string, unknown>)[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * Reads message, code and request id off anything thrown, structurally, so it works with
 * build-kit's `MosaicError` (any bundle copy) without the kit depending on build-kit.
 */
export function describeFailure(error: unknown): RequestFailure {
  const code = field(error, 'code');
  return {
    message: error instanceof Error ? error.message : String(error),
    code,
    requestId: field(error, 'requestId'),
    forbidden: code === 'FORBIDDEN',
  };
}
