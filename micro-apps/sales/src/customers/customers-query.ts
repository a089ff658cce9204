import type { Translate } from '@mosaic/shared-components';

export { default as CUSTOMERS_QUERY } from './sales-customers.graphql';

export { default as CUSTOMER_QUERY } from './sales-customer.graphql';

export interface Customer {
  id: string;
  code: string | null;
  name: string;
  phone: string | null;
  address?: string | null;
  memberLevel: string | null;
}

export interface CustomersData {
  customers: { nodes: Customer[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

/** A member level in words (none/silver/gold/platinum); one we have no words for as it came. */
export function memberLevelLabel(t: Translate, level: string | null): string {
  const key = `sales.member.${level ?? 'none'}`;
  const label = t(key);
  return label === key ? (level ?? '') : label;
}
