import type { Bus } from '@mosaic/build-kit';
import { useEffect, useRef, useState } from 'react';
import type { Product } from './products-query.js';
import { isLowStock, LOW_STOCK_THRESHOLD } from './stock-level.js';

/**
 * Inventory's part of the bus: answers `stock.summary` and `stock.query` from the
 * loaded list, and reloads when another app reports an order (a sale moves stock).
 * Returns the id of the last order heard of, for a notice.
 */
export function useStockBus(
  bus: Bus,
  products: readonly Product[] | undefined,
  reload: () => void,
): string | undefined {
  const productsRef = useRef(products);
  productsRef.current = products;
  const [lastOrderId, setLastOrderId] = useState<string>();

  useEffect(() => {
    const loaded = (): readonly Product[] => {
      if (!productsRef.current) throw new Error('inventory is still loading its stock list');
      return productsRef.current;
    };
    const offSummary = bus.respond('stock.summary', ({ lowStockBelow }) => {
      const list = loaded();
      const threshold = lowStockBelow ?? LOW_STOCK_THRESHOLD;
      return {
        productCount: list.length,
        lowStockCount: list.filter((p) =>
          lowStockBelow === undefined ? isLowStock(p.stock.onHand) : p.stock.onHand < threshold,
        ).length,
      };
    });
    const offQuery = bus.respond('stock.query', ({ productIds }) => {
      const byId = new Map(loaded().map((p) => [p.id, p.stock.onHand]));
      return {
        items: productIds
          .filter((id) => byId.has(id))
          .map((id) => ({ productId: id, onHand: byId.get(id) ?? 0 })),
      };
    });
    const offOrders = bus.subscribe('order.created', ({ orderId }) => {
      setLastOrderId(orderId);
      reload();
    });
    return () => {
      offSummary();
      offQuery();
      offOrders();
    };
  }, [bus, reload]);

  return lastOrderId;
}
