import type { Bus, GraphQLClient } from '@mosaic/build-kit';
import { useEffect } from 'react';
import { STOCK_LEVELS_QUERY } from './api/queries.js';
import type { StockLevelsData } from './api/queries.js';
import { LOW_STOCK_THRESHOLD } from './stock-level.js';

/**
 * While inventory is mounted it answers `stock.summary` and `stock.query` for other apps,
 * from the BFF rather than from whatever screen is open, so every route can answer.
 */
export function useStockResponders(bus: Bus, graphql: GraphQLClient): void {
  useEffect(() => {
    const levels = async (): Promise<Map<string, number>> => {
      const data = await graphql.request<StockLevelsData>(STOCK_LEVELS_QUERY);
      return new Map(data.products.map((p) => [p.id, p.stock?.onHand ?? 0]));
    };
    const offSummary = bus.respond('stock.summary', async ({ lowStockBelow }) => {
      const onHand = [...(await levels()).values()];
      const threshold = lowStockBelow ?? LOW_STOCK_THRESHOLD;
      return {
        productCount: onHand.length,
        lowStockCount: onHand.filter((n) => n < threshold).length,
      };
    });
    const offQuery = bus.respond('stock.query', async ({ productIds }) => {
      const byId = await levels();
      return {
        items: productIds
          .filter((id) => byId.has(id))
          .map((id) => ({ productId: id, onHand: byId.get(id) ?? 0 })),
      };
    });
    return () => {
      offSummary();
      offQuery();
    };
  }, [bus, graphql]);
}
