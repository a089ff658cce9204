import DataLoader from 'dataloader';
import type { Context } from 'egg';
import { PartialBatchError } from '../lib/cache/entity_cache.js';
import { requestIdOf } from '../lib/http/request_state.js';
import { services } from '../lib/services.js';
import type { BffServices } from '../lib/services.js';
import type { Session } from '../lib/session/session_claims.js';
import type { Product } from '../service/catalog.js';
import type { Stock } from '../service/inventory.js';
import type { Customer } from '../service/party.js';
import type { Quote } from '../service/pricing.js';
import type { Order } from '../service/sales.js';

/**
 * Per-request loaders: every lookup made while resolving one request is collected into one
 * batch per kind (DataLoader), and each batch goes through the entity cache to its service.
 */
export interface GraphqlLoaders {
  product: DataLoader<string, Product | null>;
  stock: DataLoader<string, Stock>;
  price: DataLoader<string, Quote | null>;
  customer: DataLoader<string, Customer | null>;
  order: DataLoader<string, Order | null>;
}

/** What every resolver gets. The tenant comes from the verified session, never from the query. */
export interface GraphqlContext {
  tenantId: string;
  user: { id: string; username: string; roles: string[] };
  requestId: string;
  services: BffServices;
  loaders: GraphqlLoaders;
}

/** A loader over a cached batch read; ids it did not find answer `missing(id)`. */
function loaderOf<V, M>(
  batch: (ids: readonly string[]) => Promise<Map<string, V>>,
  missing: (id: string) => M,
): DataLoader<string, V | M> {
  return new DataLoader(
    async (ids) => {
      try {
        const found = await batch(ids);
        return ids.map((id) => (found.has(id) ? (found.get(id) as V) : missing(id)));
      } catch (err) {
        // What the cache had still answers; only the entities that could not be fetched fail.
        if (!(err instanceof PartialBatchError)) throw err;
        const failure = err.cause instanceof Error ? err.cause : new Error(String(err.cause));
        return ids.map((id) => (err.found.has(id) ? (err.found.get(id) as V) : failure));
      }
    },
    { maxBatchSize: 200 },
  );
}

export function createGraphqlContext(ctx: Context, session: Session): GraphqlContext {
  const all = services(ctx);
  const { tenantId } = session;
  const none = (): null => null;
  return {
    tenantId,
    user: { id: session.userId, username: session.username, roles: session.roles },
    requestId: requestIdOf(ctx),
    services: all,
    loaders: {
      product: loaderOf((ids) => all.catalog.productsByIds(tenantId, ids), none),
      stock: loaderOf(
        (ids) => all.inventory.stockFor(tenantId, ids),
        (productId): Stock => ({ productId, onHand: 0, reserved: 0, available: 0, warehouses: [] }),
      ),
      price: loaderOf((ids) => all.pricing.quotes(tenantId, ids), none),
      customer: loaderOf((ids) => all.party.customersByIds(tenantId, ids), none),
      order: loaderOf((ids) => all.sales.ordersByIds(tenantId, ids), none),
    },
  };
}
