/** Codes the shell raises. Errors relayed from the BFF keep the BFF's code. */
export const ShellErrorCode = {
  /** No HTTP answer at all (offline, BFF down). */
  NETWORK_ERROR: 'NETWORK_ERROR',
  /** Non-2xx answer without a coded JSON body. */
  HTTP_ERROR: 'HTTP_ERROR',
  /** The BFF answered JSON the shell does not understand. */
  BAD_RESPONSE: 'BAD_RESPONSE',
  /** An asset of a sub-app (html, js, css) could not be fetched. */
  APP_FETCH_FAILED: 'APP_FETCH_FAILED',
  /** A sub-app speaks a protocol major the shell does not. */
  PROTOCOL_MISMATCH: 'PROTOCOL_MISMATCH',
} as const;

export type ShellErrorCode = (typeof ShellErrorCode)[keyof typeof ShellErrorCode];

/** The shell's one error class: coded, with the request id when a response had one. */
export class ShellError extends Error {
  override readonly name = 'ShellError';
  readonly code: string;
  readonly status: number | undefined;
  readonly requestId: string | undefined;
  /** Seconds the BFF asked to wait (`Retry-After` of a 429). */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    code: string,
    message: string,
    options: {
      status?: number;
      requestId?: string;
      retryAfterSeconds?: number;
      cause?: unknown;
    } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = options.status;
    this.requestId = options.requestId;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/** Request id of any coded error (ShellError, or a MosaicError from build-kit). */
export function requestIdOf(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'requestId' in error) {
    const id = (error as { requestId?: unknown }).requestId;
    return typeof id === 'string' ? id : undefined;
  }
  return undefined;
}
