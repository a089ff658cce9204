/** A warehouse of one tenant. */
export interface Warehouse {
  id: string;
  name: string;
}

/** One product's stock in one warehouse. */
export interface WarehouseStock {
  warehouseId: string;
  name: string;
  onHand: number;
}

/** One product's stock: the total and the split across every warehouse of the tenant. */
export interface StockLevel {
  productId: string;
  onHand: number;
  warehouses: WarehouseStock[];
}
