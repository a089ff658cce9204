/** The two operations the BFF bench loads, as a sub-app sends them. */
export const QUERIES = {
  /** 20 products with price, promotion and stock: catalog + pricing + inventory. */
  Products: `query Products {
  products(first: 20) {
    id
    sku
    name
    price { list current promotion { id name } }
    stock { onHand reserved available }
  }
}`,
  /** The owner's dashboard: today's sales and the low-stock list. */
  Dashboard: `query Dashboard {
  dashboard {
    date
    salesToday
    orderCount
    lowStock { id name stock { available } }
  }
}`,
} as const;

export type QueryName = keyof typeof QUERIES;

export function requestBody(name: QueryName): string {
  return JSON.stringify({ query: QUERIES[name], operationName: name });
}
