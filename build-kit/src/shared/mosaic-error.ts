/** Codes build-kit itself raises. Errors relayed from a server keep the server's code. */
export const MosaicErrorCode = {
  /** The request never got an HTTP answer (offline, DNS, CORS, BFF down). */
  NETWORK_ERROR: 'NETWORK_ERROR',
  /** Non-2xx answer without a coded JSON error body. */
  HTTP_ERROR: 'HTTP_ERROR',
  /** GraphQL answered with `errors[]` whose first entry has no `extensions.code`. */
  GRAPHQL_ERROR: 'GRAPHQL_ERROR',
  /** The answer was not the JSON shape the protocol promises. */
  BAD_RESPONSE: 'BAD_RESPONSE',
  /** Host and app speak different protocol major versions. */
  PROTOCOL_MISMATCH: 'PROTOCOL_MISMATCH',
  /** qiankun props did not carry a mount context from a Mosaic shell. */
  INVALID_MOUNT_PROPS: 'INVALID_MOUNT_PROPS',
  /** `defineMicroAppConfig` / `defineMicroApp` got options it cannot use. */
  INVALID_APP_CONFIG: 'INVALID_APP_CONFIG',
  /** A bus topic that is not in the catalogue. */
  BUS_UNKNOWN_TOPIC: 'BUS_UNKNOWN_TOPIC',
  /** A bus payload (event, request or response) does not match its topic's schema. */
  BUS_INVALID_PAYLOAD: 'BUS_INVALID_PAYLOAD',
  /** A request on a topic no mounted app responds to. */
  BUS_NO_RESPONDER: 'BUS_NO_RESPONDER',
  /** The responder did not answer within the timeout. */
  BUS_TIMEOUT: 'BUS_TIMEOUT',
  /** The responder threw or rejected. */
  BUS_RESPONDER_FAILED: 'BUS_RESPONDER_FAILED',
  /** A build does not export the qiankun lifecycles (CLI check). */
  MISSING_LIFECYCLES: 'MISSING_LIFECYCLES',
  /** Publishing a build to the registry failed. */
  PUBLISH_FAILED: 'PUBLISH_FAILED',
} as const;

export type MosaicErrorCode = (typeof MosaicErrorCode)[keyof typeof MosaicErrorCode];

/** One bad input field the server named: GraphQL `extensions.fields[]` of a BAD_USER_INPUT. */
export interface MosaicFieldError {
  /** Dotted path from the operation's input, e.g. `'lines.0.quantity'`. */
  path: string;
  message: string;
}

export interface MosaicErrorOptions {
  /** Request id from the response body or its `x-request-id` header. */
  requestId?: string;
  /** HTTP status, when the error came from a response. */
  status?: number;
  /** The bad input fields the server named. @default [] */
  fields?: readonly MosaicFieldError[];
  /** What a GraphQL answer returned beside its errors (a partial answer). */
  data?: unknown;
  cause?: unknown;
}

/** The one error class of build-kit: always coded, optionally tied to a request id. */
export class MosaicError extends Error {
  override readonly name = 'MosaicError';
  /** One of {@link MosaicErrorCode}, or the code a server sent (e.g. `UNAUTHENTICATED`). */
  readonly code: string;
  readonly requestId: string | undefined;
  readonly status: number | undefined;
  /** The bad input fields the server named (`BAD_USER_INPUT`); empty when it named none. */
  readonly fields: readonly MosaicFieldError[];
  /**
   * The data a GraphQL answer carried beside its errors: the fields that did resolve, for a screen
   * that can show them with a notice (e.g. one source of a merged list away); undefined when the
   * answer had no data.
   */
  readonly data: unknown;

  constructor(code: string, message: string, options: MosaicErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.requestId = options.requestId;
    this.status = options.status;
    this.fields = options.fields ?? [];
    this.data = options.data;
  }
}

/** Type guard that also works across bundle copies (each sub-app bundles its own build-kit). */
export function isMosaicError(error: unknown): error is MosaicError {
  return (
    error instanceof MosaicError ||
    (error instanceof Error && error.name === 'MosaicError' && 'code' in error)
  );
}
