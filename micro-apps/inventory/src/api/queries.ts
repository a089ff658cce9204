/**
 * Every GraphQL operation inventory sends (one `.graphql` file each, beside this one: the BFF's
 * trusted documents), with the shapes it reads back.
 */
import ADJUST_STOCK from './inventory-adjust-stock.graphql';
import CATEGORIES_QUERY from './inventory-categories.graphql';
import CREATE_PRODUCT from './inventory-create-product.graphql';
import MOVEMENTS_QUERY from './inventory-movements.graphql';
import PRODUCT_QUERY from './inventory-product.graphql';
import PRODUCTS_QUERY from './inventory-products.graphql';
import STOCK_LEVELS_QUERY from './inventory-stock-levels.graphql';
import TRANSFER_STOCK from './inventory-transfer-stock.graphql';
import UPDATE_PRODUCT from './inventory-update-product.graphql';

export {
  ADJUST_STOCK,
  CATEGORIES_QUERY,
  CREATE_PRODUCT,
  MOVEMENTS_QUERY,
  PRODUCT_QUERY,
  PRODUCTS_QUERY,
  STOCK_LEVELS_QUERY,
  TRANSFER_STOCK,
  UPDATE_PRODUCT,
};

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

/** Rows per list page: the BFF's query cost limit allows about 45 with stock and price. */
export const PAGE_SIZE = 25;

export interface ProductsData {
  productsPage: {
    nodes: Product[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

export interface CategoriesData {
  categories: Category[];
}

export interface ProductData {
  product: Product | null;
  warehouses: Warehouse[];
}

export interface MovementsData {
  stockMovements: {
    nodes: StockMovement[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

export interface AdjustStockData {
  adjustStock: Stock;
}
export interface TransferStockData {
  transferStock: Stock;
}

export interface StockLevelsData {
  products: { id: string; stock: { onHand: number } | null }[];
}
