import { ServiceError } from './service-error.js';

/** Returns `value`, or throws NOT_FOUND naming what was asked for and for which tenant. */
export function requireFound<T>(
  value: T | undefined,
  what: string,
  id: string,
  tenantId: string,
): T {
  if (value === undefined) {
    throw new ServiceError(
      'NOT_FOUND',
      `${what} '${id.slice(0, 64)}' does not exist for tenant '${tenantId}'`,
    );
  }
  return value;
}
