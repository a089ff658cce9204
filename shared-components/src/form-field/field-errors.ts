/** Field errors and the form-level message read off a failed mutation. */
export interface FieldErrors {
  /** input field name → message, e.g. `{ quantity: '库存不足' }`. */
  fields: Record<string, string>;
  /** What is left for the top of the form: the message when no field claimed it. */
  message: string | undefined;
  /** Request id to show with the message. */
  requestId: string | undefined;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)
    : undefined;
}

function stringsOf(value: unknown): Record<string, string> {
  const entries = Object.entries(record(value) ?? {}).filter(
    (entry): entry is [string, string] => typeof entry[1] === 'string',
  );
  return Object.fromEntries(entries);
}

/**
 * Reads `fields` (or `extensions.fields`) — `{ [inputField]: message }` — off a thrown error;
 * `byCode` routes a coded error without field details to one field, e.g.
 * `{ INSUFFICIENT_STOCK: 'quantity' }`. Anything unclaimed becomes the form-level message.
 */
export function fieldErrorsOf(error: unknown, byCode: Record<string, string> = {}): FieldErrors {
  const err = record(error);
  const message = error instanceof Error ? error.message : String(error);
  const requestId = typeof err?.requestId === 'string' ? err.requestId : undefined;
  const fields = { ...stringsOf(record(err?.extensions)?.fields), ...stringsOf(err?.fields) };
  const code = typeof err?.code === 'string' ? err.code : undefined;
  const target = code ? byCode[code] : undefined;
  if (target && !fields[target]) fields[target] = message;
  const claimed = Object.keys(fields).length > 0;
  return { fields, message: claimed ? undefined : message, requestId };
}
