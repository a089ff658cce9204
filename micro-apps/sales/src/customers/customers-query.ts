import type { Translate } from '@mosaic/shared-components';
import type { SalesCustomersQuery } from '../graphql-types.generated.js';

export { default as CUSTOMERS_QUERY } from './sales-customers.graphql';

export { default as CUSTOMER_QUERY } from './sales-customer.graphql';

/** A customer as the list shows it; the customer page adds `address`. */
export type Customer = SalesCustomersQuery['customers']['nodes'][number] & {
  address?: string | null;
};

export type CustomersData = SalesCustomersQuery;

/** A member level in words (none/silver/gold/platinum); one we have no words for as it came. */
export function memberLevelLabel(t: Translate, level: string | null): string {
  const key = `sales.member.${level ?? 'none'}`;
  const label = t(key);
  return label === key ? (level ?? '') : label;
}
