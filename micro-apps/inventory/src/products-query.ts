/** The one query this screen needs: the tenant's products with their stock on hand. */
export const PRODUCTS_QUERY = '{ products { id sku name category stock { onHand } } }';

export interface Product {
  id: string;
  sku: string;
  name: string;
  category: string;
  stock: { onHand: number };
}

export interface ProductsData {
  products: Product[];
}
