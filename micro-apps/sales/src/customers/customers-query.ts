import type { Translate } from '@mosaic/shared-components';

export const CUSTOMERS_QUERY = `query SalesCustomers($first: Int, $after: String, $search: String) {
  customers(first: $first, after: $after, search: $search) {
    nodes { id code name phone memberLevel }
    pageInfo { hasNextPage endCursor }
  }
}`;

export const CUSTOMER_QUERY = `query SalesCustomer($id: ID!) {
  customer(id: $id) { id code name phone address memberLevel }
}`;

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
