/**
 * The error body every Mosaic HTTP answer carries when it refuses: REST
 * `{error: {code, message, requestId}}` (the BFF, the registry, the services), or GraphQL
 * `{errors: [{message, extensions: {code, requestId, fields}}]}`. One reader for every client.
 */

/** A field a refusal pins on (`lines.1.quantity`), with the reason. */
export interface ErrorField {
  path: string;
  message: string;
}

/** `{error: {...}}` as the BFF and the services write it. */
export interface ErrorBody {
  error: {
    code: string;
    message: string;
    /** Absent only in a service's own answer before the BFF adds one. */
    requestId?: string;
  };
}

/** What an error body says, each part when present and well formed. */
export interface ReadError {
  code?: string;
  message?: string;
  requestId?: string;
  /** GraphQL only: the input fields a `BAD_USER_INPUT` pins. */
  fields?: ErrorField[];
}

function record(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function fieldsOf(value: unknown): ErrorField[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.flatMap((entry) => {
    const path = text(record(entry)?.path);
    const message = text(record(entry)?.message);
    return path && message ? [{ path, message }] : [];
  });
}

/**
 * Read a parsed JSON body as an error: the REST shape first, then GraphQL's first error.
 * Undefined when the body is neither (a proxy's HTML page, an empty body).
 */
export function readErrorBody(body: unknown): ReadError | undefined {
  const rest = record(record(body)?.error);
  if (rest) {
    return { code: text(rest.code), message: text(rest.message), requestId: text(rest.requestId) };
  }
  const errors = record(body)?.errors;
  if (!Array.isArray(errors) || errors.length === 0) return undefined;
  const first = record(errors[0]);
  const extensions = record(first?.extensions);
  return {
    code: text(extensions?.code),
    message: text(first?.message),
    requestId: text(extensions?.requestId),
    fields: fieldsOf(extensions?.fields),
  };
}

/** Read an error from response text (JSON or not). */
export function readErrorText(body: string): ReadError | undefined {
  try {
    return readErrorBody(JSON.parse(body));
  } catch {
    return undefined;
  }
}
