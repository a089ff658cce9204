/** Every GraphQL operation inventory sends, with the shapes it reads back. */

export interface WarehouseStock {
  warehouseId: string;
  name: string;
  onHand: number;
  reserved: number;
  available: number;
}

export interface Stock {
  productId: string;
  onHand: number;
  reserved: number;
  available: number;
  warehouses: WarehouseStock[];
}

export interface Price {
  list: string;
  current: string;
  promotion: { id: string; name: string } | null;
}

export interface Product {
  id: string;
  sku: string;
  name: string;
  category: string;
  unit: string;
  barcode: string | null;
  price: Price | null;
  stock: Stock | null;
}

export interface Category {
  id: string;
  name: string;
  productCount: number;
}

export interface Warehouse {
  id: string;
  name: string;
}

export interface StockMovement {
  id: string;
  kind: string;
  quantity: number;
  onHandAfter: number | null;
  actor: string | null;
  reason: string | null;
  reference: string | null;
  createdAt: string;
  warehouseId: string;
}

const STOCK_FIELDS =
  'productId onHand reserved available warehouses { warehouseId name onHand reserved available }';
const PRODUCT_FIELDS = `id sku name category unit barcode price { list current promotion { id name } } stock { ${STOCK_FIELDS} }`;

/** Rows per list page: the BFF's query cost limit allows about 45 with stock and price. */
export const PAGE_SIZE = 25;

export const PRODUCTS_QUERY = `query InventoryProducts($search: String, $category: String, $after: String) {
  productsPage(first: ${PAGE_SIZE}, search: $search, category: $category, after: $after) {
    nodes { ${PRODUCT_FIELDS} }
    pageInfo { hasNextPage endCursor }
  }
}`;
export interface ProductsData {
  productsPage: {
    nodes: Product[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

export const CATEGORIES_QUERY = 'query InventoryCategories { categories { id name productCount } }';
export interface CategoriesData {
  categories: Category[];
}

export const PRODUCT_QUERY = `query InventoryProduct($id: ID!) {
  product(id: $id) { ${PRODUCT_FIELDS} }
  warehouses { id name }
}`;
export interface ProductData {
  product: Product | null;
  warehouses: Warehouse[];
}

export const MOVEMENTS_QUERY = `query InventoryMovements($productId: ID!, $after: String) {
  stockMovements(first: 20, productId: $productId, after: $after) {
    nodes { id kind quantity onHandAfter actor reason reference createdAt warehouseId }
    pageInfo { hasNextPage endCursor }
  }
}`;
export interface MovementsData {
  stockMovements: {
    nodes: StockMovement[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

export const ADJUST_STOCK = `mutation InventoryAdjustStock($input: AdjustStockInput!) {
  adjustStock(input: $input) { ${STOCK_FIELDS} }
}`;
export const TRANSFER_STOCK = `mutation InventoryTransferStock($input: TransferStockInput!) {
  transferStock(input: $input) { ${STOCK_FIELDS} }
}`;
export interface AdjustStockData {
  adjustStock: Stock;
}
export interface TransferStockData {
  transferStock: Stock;
}

export const CREATE_PRODUCT = `mutation InventoryCreateProduct($input: NewProductInput!) {
  createProduct(input: $input) { id }
}`;
export const UPDATE_PRODUCT = `mutation InventoryUpdateProduct($id: ID!, $input: ProductPatchInput!) {
  updateProduct(id: $id, input: $input) { id }
}`;

/** For the bus responders: every product's stock on hand, nothing else. */
export const STOCK_LEVELS_QUERY =
  'query InventoryStockLevels { products(first: 200) { id stock { onHand } } }';
export interface StockLevelsData {
  products: { id: string; stock: { onHand: number } | null }[];
}
