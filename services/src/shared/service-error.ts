import { ServiceErrorCode } from '@mosaic/contracts';
/** The services' codes: @mosaic/contracts' `ServiceErrorCode`. */
export const ERROR_CODES = ServiceErrorCode;
export type ErrorCode = ServiceErrorCode;

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
