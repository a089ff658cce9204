/** Error codes every service may answer with, in the `error.code` field of the JSON body. */
export const ERROR_CODES = {
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

export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  TENANT_REQUIRED: 400,
  INVALID_CREDENTIALS: 401,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INSUFFICIENT_STOCK: 409,
  RESERVATION_RELEASED: 409,
  RESERVATION_COMMITTED: 409,
  UPSTREAM_UNAVAILABLE: 503,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INTERNAL: 500,
};

/** The one error class of this package: a typed code plus a message that says how to fix it. */
export class ServiceError extends Error {
  readonly code: ErrorCode;
  readonly statusCode: number;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'ServiceError';
    this.code = code;
    this.statusCode = STATUS_BY_CODE[code];
  }
}
