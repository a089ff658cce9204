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

/** Member levels as the party service names them, in Chinese. */
export const MEMBER_LEVELS: Record<string, string> = {
  none: '普通',
  silver: '银卡',
  gold: '金卡',
  platinum: '白金卡',
};
