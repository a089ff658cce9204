/**
 * Every GraphQL operation inventory sends (one `.graphql` file each, beside this one: the BFF's
 * trusted documents), with the shapes it reads back.
 */
import ADJUST_STOCK from './inventory-adjust-stock.graphql';
import CATEGORIES_QUERY from './inventory-categories.graphql';
import CREATE_PRODUCT from './inventory-create-product.graphql';
import MOVEMENTS_QUERY from './inventory-movements.graphql';
import OPERATIONS_QUERY from './inventory-operations.graphql';
import PRODUCT_QUERY from './inventory-product.graphql';
import PRODUCTS_QUERY from './inventory-products.graphql';
import STOCK_LEVELS_QUERY from './inventory-stock-levels.graphql';
import TRANSFER_STOCK from './inventory-transfer-stock.graphql';
import UPDATE_PRODUCT from './inventory-update-product.graphql';
import type {
  InventoryAdjustStockMutation,
  InventoryCategoriesQuery,
  InventoryMovementsQuery,
  InventoryOperationsQuery,
  InventoryProductQuery,
  InventoryProductsQuery,
  InventoryStockLevelsQuery,
  InventoryTransferStockMutation,
  ProductFieldsFragment,
  StockFieldsFragment,
} from '../graphql-types.generated.js';

export {
  ADJUST_STOCK,
  CATEGORIES_QUERY,
  CREATE_PRODUCT,
  MOVEMENTS_QUERY,
  OPERATIONS_QUERY,
  PRODUCT_QUERY,
  PRODUCTS_QUERY,
  STOCK_LEVELS_QUERY,
  TRANSFER_STOCK,
  UPDATE_PRODUCT,
};

// What inventory reads back: types build-kit generates from the `.graphql` files and the BFF's
// schema (src/graphql-types.generated.ts), named for the screens.
export type Stock = StockFieldsFragment;
export type WarehouseStock = Stock['warehouses'][number];
export type Product = ProductFieldsFragment;
export type Price = NonNullable<Product['price']>;
export type Category = InventoryCategoriesQuery['categories'][number];
export type Warehouse = InventoryProductQuery['warehouses'][number];
export type StockMovement = InventoryMovementsQuery['stockMovements']['nodes'][number];

export type ProductsData = InventoryProductsQuery;
export type CategoriesData = InventoryCategoriesQuery;
export type ProductData = InventoryProductQuery;
export type MovementsData = InventoryMovementsQuery;
export type OperationsData = InventoryOperationsQuery;
export type Operation = InventoryOperationsQuery['operations']['nodes'][number];
export type AdjustStockData = InventoryAdjustStockMutation;
export type TransferStockData = InventoryTransferStockMutation;
export type StockLevelsData = InventoryStockLevelsQuery;

/** Rows per list page: the BFF's query cost limit allows about 45 with stock and price. */
export const PAGE_SIZE = 25;
