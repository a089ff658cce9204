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
  /** Held by pending reservations; cannot be sold or moved. */
  reserved: number;
  /** `onHand - reserved`. */
  available: number;
}

/** One product's stock: the total and the split across every warehouse of the tenant. */
export interface StockLevel {
  productId: string;
  onHand: number;
  reserved: number;
  available: number;
  warehouses: WarehouseStock[];
}

/** Why stock changed. A transfer writes two movements, out of one warehouse and into another. */
export const MOVEMENT_KINDS = ['receipt', 'sale', 'adjustment', 'transfer'] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

/** One recorded change of on-hand stock, with who made it and why. */
export interface Movement {
  id: string;
  productId: string;
  warehouseId: string;
  kind: MovementKind;
  /** Signed: positive into the warehouse, negative out of it. */
  quantity: number;
  /** On-hand quantity in that warehouse right after the movement. */
  onHandAfter: number;
  actor: string;
  reason: string;
  /** What caused it, e.g. an order number. */
  reference: string | null;
  createdAt: string;
}

export type ReservationStatus = 'pending' | 'committed' | 'released' | 'expired' | 'returned';

/** Stock held for one order: try (pending) then confirm (committed) or cancel (released). */
export interface Reservation {
  id: string;
  reference: string | null;
  status: ReservationStatus;
  /** Who reserved it; sale movements are recorded in their name. */
  actor: string;
  expiresAt: string;
  lines: { productId: string; warehouseId: string; quantity: number }[];
}
