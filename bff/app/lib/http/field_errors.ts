import type { FieldError } from './errors.js';

/** `body.lines.0.quantity: Too small: …`, the shape of a service's 400 (services' parseInput). */
const REASON = /^(?:body|query|params)\.([\w$-]+(?:\.[\w$-]+)*): (.+)$/s;

/**
 * The field a service's 400 reason names, as a path from the request's input: the services
 * prefix the first bad field with where it was (`body.`, `query.`), and the BFF sends the
 * GraphQL input on as that body, so `body.lines.0.quantity` is the input's `lines.0.quantity`.
 */
export function fieldsFromReason(reason: string): FieldError[] {
  const match = REASON.exec(reason);
  return match?.[1] && match[2] ? [{ path: match[1], message: match[2] }] : [];
}
