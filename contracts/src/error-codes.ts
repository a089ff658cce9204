/**
 * Every code the BFF (the public API: `/api/*`, `/graphql`, the registry) puts in
 * `{error: {code}}` or GraphQL `errors[].extensions.code`: what the shell, the apps and the CLI may
 * test for. The HTTP status of each is the BFF's business (`bff/app/lib/http/errors.ts`).
 */
export const ApiErrorCode = {
  BAD_REQUEST: 'BAD_REQUEST',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  INVALID_CREDENTIALS: 'INVALID_CREDENTIALS',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  METHOD_NOT_ALLOWED: 'METHOD_NOT_ALLOWED',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  GRAPHQL_PARSE_FAILED: 'GRAPHQL_PARSE_FAILED',
  GRAPHQL_VALIDATION_FAILED: 'GRAPHQL_VALIDATION_FAILED',
  DEPTH_LIMIT_EXCEEDED: 'DEPTH_LIMIT_EXCEEDED',
  COST_LIMIT_EXCEEDED: 'COST_LIMIT_EXCEEDED',
  ALIAS_LIMIT_EXCEEDED: 'ALIAS_LIMIT_EXCEEDED',
  TOKEN_LIMIT_EXCEEDED: 'TOKEN_LIMIT_EXCEEDED',
  BATCH_NOT_SUPPORTED: 'BATCH_NOT_SUPPORTED',
  PERSISTED_QUERY_NOT_FOUND: 'PERSISTED_QUERY_NOT_FOUND',
  /** The operation selects a field that only the apps' trusted documents (sent by id) may run. */
  TRUSTED_DOCUMENT_REQUIRED: 'TRUSTED_DOCUMENT_REQUIRED',
  CSRF_REJECTED: 'CSRF_REJECTED',
  CONFLICT: 'CONFLICT',
  INSUFFICIENT_STOCK: 'INSUFFICIENT_STOCK',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  VERSION_EXISTS: 'VERSION_EXISTS',
  /** A registry version a channel (stable or canary) still serves cannot be deleted. */
  VERSION_IN_USE: 'VERSION_IN_USE',
  /**
   * `--stable` of a version that never ran as a canary (or stable), or whose canary was
   * suspended: run it as a canary first, or pass `force`.
   */
  CANARY_REQUIRED: 'CANARY_REQUIRED',
  INVALID_PACKAGE: 'INVALID_PACKAGE',
  UPSTREAM_UNAVAILABLE: 'UPSTREAM_UNAVAILABLE',
  UPSTREAM_BAD_RESPONSE: 'UPSTREAM_BAD_RESPONSE',
  UPSTREAM_TIMEOUT: 'UPSTREAM_TIMEOUT',
  /**
   * A write was sent but its answer was lost (timeout, connection cut) and a read could not tell
   * whether it took effect: look at the order (its number is in the message) before trying again.
   */
  OUTCOME_UNKNOWN: 'OUTCOME_UNKNOWN',
  SHELL_NOT_BUILT: 'SHELL_NOT_BUILT',
  NOT_READY: 'NOT_READY',
  RATE_LIMITED: 'RATE_LIMITED',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

export type ApiErrorCode = (typeof ApiErrorCode)[keyof typeof ApiErrorCode];

/**
 * Every code a domain service answers the BFF with, in the `error.code` field of the JSON body.
 * The BFF turns them into `ApiErrorCode`s before a client sees them.
 */
export const ServiceErrorCode = {
  BAD_REQUEST: 'BAD_REQUEST',
  TENANT_REQUIRED: 'TENANT_REQUIRED',
  INVALID_CREDENTIALS: 'INVALID_CREDENTIALS',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  INSUFFICIENT_STOCK: 'INSUFFICIENT_STOCK',
  RESERVATION_RELEASED: 'RESERVATION_RELEASED',
  RESERVATION_COMMITTED: 'RESERVATION_COMMITTED',
  UPSTREAM_UNAVAILABLE: 'UPSTREAM_UNAVAILABLE',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  INTERNAL: 'INTERNAL',
} as const;

export type ServiceErrorCode = (typeof ServiceErrorCode)[keyof typeof ServiceErrorCode];
