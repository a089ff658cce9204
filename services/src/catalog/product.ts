/** A product in a tenant's catalogue, as the API returns it. */
export interface Product {
  /** UUID derived from tenant + sku; globally unique. */
  id: string;
  sku: string;
  name: string;
  /** The category's name; see `GET /categories`. */
  category: string;
  /** Selling unit in Chinese, e.g. `瓶`. */
  unit: string;
  /** EAN-13, or null for goods sold without one. */
  barcode: string | null;
  /** URL of the product photo, or null. */
  image: string | null;
}

/** A product category of one tenant. */
export interface Category {
  id: string;
  name: string;
  productCount: number;
}
