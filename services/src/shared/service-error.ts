/** Error codes every service may answer with, in the `error.code` field of the JSON body. */
export const ERROR_CODES = {
  BAD_REQUEST: 'BAD_REQUEST',
  TENANT_REQUIRED: 'TENANT_REQUIRED',
  NOT_FOUND: 'NOT_FOUND',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  INTERNAL: 'INTERNAL',
} as const;

export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  TENANT_REQUIRED: 400,
  NOT_FOUND: 404,
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
