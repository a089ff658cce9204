import { BffError, ErrorCode } from '../lib/http/errors.js';
import type { Page } from '../lib/upstream/page_schemas.js';

const MAX_FIRST = 200;

/** Check `first` is 1..200 and name the field when it is not. */
export function pageSize(field: string, first: number): number {
  if (!Number.isInteger(first) || first < 1 || first > MAX_FIRST) {
    const reason = `ask for 1..${MAX_FIRST}`;
    throw new BffError(
      ErrorCode.BAD_USER_INPUT,
      `${field}(first: ${first}) is out of range: ${reason}`,
      { fields: [{ path: 'first', message: `${first} is out of range: ${reason}` }] },
    );
  }
  return first;
}

/** An upstream page as a GraphQL connection: `{nodes, pageInfo}`. */
export function toConnection<T>(page: Page<T>): {
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
} {
  return {
    nodes: page.items,
    pageInfo: { hasNextPage: page.nextCursor !== null, endCursor: page.nextCursor },
  };
}
