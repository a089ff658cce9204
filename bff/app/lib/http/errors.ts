import { ApiErrorCode } from '@mosaic/contracts';
/** The BFF's codes are the public API's: @mosaic/contracts' `ApiErrorCode`. */
export const ErrorCode = ApiErrorCode;
export type ErrorCode = ApiErrorCode;

const statusByCode: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INVALID_CREDENTIALS: 401,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  BAD_USER_INPUT: 400,
  GRAPHQL_PARSE_FAILED: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  DEPTH_LIMIT_EXCEEDED: 400,
  COST_LIMIT_EXCEEDED: 400,
  ALIAS_LIMIT_EXCEEDED: 400,
  TOKEN_LIMIT_EXCEEDED: 400,
  BATCH_NOT_SUPPORTED: 400,
  PERSISTED_QUERY_NOT_FOUND: 400,
  TRUSTED_DOCUMENT_REQUIRED: 403,
  CSRF_REJECTED: 403,
  CONFLICT: 409,
  INSUFFICIENT_STOCK: 409,
  PAYLOAD_TOO_LARGE: 413,
  VERSION_EXISTS: 409,
  VERSION_IN_USE: 409,
  CANARY_REQUIRED: 409,
  INVALID_PACKAGE: 422,
  UPSTREAM_UNAVAILABLE: 502,
  UPSTREAM_BAD_RESPONSE: 502,
  UPSTREAM_TIMEOUT: 504,
  OUTCOME_UNKNOWN: 502,
  SHELL_NOT_BUILT: 503,
  NOT_READY: 503,
  RATE_LIMITED: 429,
  INTERNAL_SERVER_ERROR: 500,
};

/** One bad field of a request: `path` is dotted from the operation's input, e.g. 'lines.0.quantity'. */
export interface FieldError {
  path: string;
  message: string;
}

/**
 * The one error class of the BFF. Throw it anywhere; the error middleware turns it into
 * `{error: {code, message, requestId}}` with the status of its code, and GraphQL into
 * `errors[].extensions.code`. Messages are shown to clients: say what was wrong and how to fix it.
 */
export class BffError extends Error {
  override readonly name = 'BffError';
  readonly status: number;
  /** The fields a BAD_USER_INPUT names, for GraphQL's `extensions.fields`. */
  readonly fields: readonly FieldError[] | undefined;
  /** More for the client to act on, e.g. the `orderNumber` of an OUTCOME_UNKNOWN. */
  readonly extensions: Readonly<Record<string, string>> | undefined;

  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: {
      cause?: unknown;
      fields?: readonly FieldError[];
      extensions?: Readonly<Record<string, string>>;
    },
  ) {
    super(message, options);
    this.status = statusByCode[code];
    this.fields = options?.fields?.length ? options.fields : undefined;
    this.extensions = options?.extensions;
  }
}
