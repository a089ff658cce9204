import type { z } from 'zod';
import { ServiceError } from './service-error.js';

/**
 * Validates untrusted input (a body, a querystring) against a zod schema that is also its type.
 * On failure throws BAD_REQUEST naming the first bad field, e.g. `body.ids: Too big: expected array
 * to have <=200 items`.
 */
export function parseInput<T extends z.ZodType>(
  schema: T,
  input: unknown,
  where: 'body' | 'query' | 'params',
): z.infer<T> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = [where, ...(issue?.path ?? [])].map(String).join('.');
  throw new ServiceError('BAD_REQUEST', `${field}: ${issue?.message ?? 'invalid value'}`);
}
