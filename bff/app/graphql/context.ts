import type { Context } from 'egg';
import { createBatchLoader } from '../lib/create_batch_loader.js';
import type { BatchLoader } from '../lib/create_batch_loader.js';
import { requestIdOf } from '../lib/request_state.js';
import { services } from '../lib/services.js';
import type { Session } from '../lib/session_claims.js';
import type { Product } from '../service/catalog.js';
import type { Stock } from '../service/inventory.js';

/** Per-request loaders: each upstream resource is fetched once per request, in batches. */
export interface GraphqlLoaders {
  /** The first `first` products of the tenant (one catalog call per distinct `first`). */
  products(first: number): Promise<Product[]>;
  /** Stock by product id, batched into one inventory call per tick. */
  stock: BatchLoader<string, Stock>;
}

/** What every resolver gets. The tenant comes from the verified session, never from the query. */
export interface GraphqlContext {
  tenantId: string;
  user: { id: string; username: string; roles: string[] };
  requestId: string;
  loaders: GraphqlLoaders;
}

export function createGraphqlContext(ctx: Context, session: Session): GraphqlContext {
  const { catalog, inventory } = services(ctx);
  const { tenantId } = session;
  const productPages = new Map<number, Promise<Product[]>>();
  return {
    tenantId,
    user: { id: session.userId, username: session.username, roles: session.roles },
    requestId: requestIdOf(ctx),
    loaders: {
      products(first) {
        let page = productPages.get(first);
        if (!page) {
          page = catalog.listProducts(tenantId, first).then((p) => p.items);
          productPages.set(first, page);
        }
        return page;
      },
      stock: createBatchLoader({
        batch: (ids) => inventory.stockFor(tenantId, ids),
        keyOf: (stock) => stock.productId,
        missing: (productId) => ({ productId, onHand: 0, warehouses: [] }),
      }),
    },
  };
}
