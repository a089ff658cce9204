import { createAttemptKeys } from '@mosaic/build-kit';
import type { Bus, GraphQLClient } from '@mosaic/build-kit';
import type { OrderStatus } from './orders-query.js';
import CANCEL from './cancel-order.graphql';
import CONFIRM from './confirm-order.graphql';
import SETTLED from './order-stock.graphql';
import type { OrderStockQuery } from '../graphql-types.generated.js';

type SettledData = OrderStockQuery;

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Reads the order until it leaves `confirming` (the BFF says it settles within seconds). */
async function settle(graphql: GraphQLClient, id: string): Promise<SettledData['order']> {
  for (let attempt = 0; ; attempt += 1) {
    const { order } = await graphql.request<SettledData>(SETTLED, { id });
    if (!order || order.status !== 'confirming' || attempt >= 20) return order;
    await wait(500);
  }
}

/** Tells other apps (inventory) the new on-hand stock of the order's products. */
function announceStock(bus: Bus, order: NonNullable<SettledData['order']>): void {
  const items = order.lines.flatMap((line) =>
    line.product?.stock ? [{ productId: line.productId, onHand: line.product.stock.onHand }] : [],
  );
  if (items.length > 0) bus.publish('stock.changed', { reason: 'sale', items });
}

/**
 * The idempotency key of each order's confirm attempt: pressing 确认 again after an unclear failure
 * is a retry of the same attempt and sends the same key, so the BFF answers that attempt's real
 * outcome instead of confirming a second time.
 */
const confirmKeys = createAttemptKeys();

/** Whether an error says the confirm's outcome is unknown: look at the order, do not retry. */
export function isOutcomeUnknown(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'OUTCOME_UNKNOWN';
}

/**
 * Confirms an order (the BFF reserves and commits its stock), waits for it to settle and
 * publishes `stock.changed`. Resolves to the status it settled in. Each attempt sends its own
 * idempotency key, and a retry after an unclear failure sends the same one again.
 */
export async function confirmOrder(
  graphql: GraphQLClient,
  bus: Bus,
  id: string,
): Promise<OrderStatus> {
  const { confirmOrder: result } = await confirmKeys.send(id, (key) =>
    graphql.request<{ confirmOrder: { status: OrderStatus } }>(CONFIRM, { id, key }),
  );
  const order =
    result.status === 'confirmed' || result.status === 'confirming'
      ? await settle(graphql, id)
      : null;
  if (order?.status === 'confirmed') announceStock(bus, order);
  return order?.status ?? result.status;
}

/** Cancels an order; a confirmed one gives its stock back, so that is announced too. */
export async function cancelOrder(
  graphql: GraphQLClient,
  bus: Bus,
  id: string,
  wasConfirmed: boolean,
): Promise<OrderStatus> {
  const { cancelOrder: result } = await graphql.request<{ cancelOrder: { status: OrderStatus } }>(
    CANCEL,
    { id },
  );
  if (wasConfirmed) {
    const { order } = await graphql.request<SettledData>(SETTLED, { id });
    if (order) announceStock(bus, order);
  }
  return result.status;
}
