import { newIdempotencyKey } from '@mosaic/build-kit';
import type { GraphQLClient } from '@mosaic/build-kit';
import type { CartLine } from '../cart/cart.js';
import type { PlaceShopOrderMutation } from '../graphql-types.generated.js';
import PLACE_SHOP_ORDER from './place-shop-order.graphql';

/** The placed order as the BFF confirms it (generated from place-shop-order.graphql). */
export type ShopReceipt = PlaceShopOrderMutation['placeShopOrder'];

/**
 * Places and confirms the cart as one order; the BFF charges today's prices. `idempotencyKey`
 * names this checkout: pressing again after a lost answer gets the same order, not a second one.
 */
export async function placeOrder(
  graphql: GraphQLClient,
  lines: readonly CartLine[],
  idempotencyKey: string,
): Promise<ShopReceipt> {
  const { placeShopOrder } = await graphql.request(PLACE_SHOP_ORDER, {
    input: { lines: lines.map((l) => ({ productId: l.id, quantity: l.quantity })) },
    idempotencyKey,
  });
  return placeShopOrder;
}

/** The cart line a refusal names (by id or name, as the BFF's messages carry no field path). */
export function lineNamedIn(lines: readonly CartLine[], message: string): CartLine | undefined {
  return lines.find((l) => message.includes(l.id) || message.includes(l.name));
}

/**
 * The idempotency key of a checkout: the same while the cart holds the same lines (a retry after
 * a lost answer), a new one once the cart changes. build-kit's key, not `crypto.randomUUID`,
 * which a phone does not have on a shop served over plain HTTP.
 */
export function checkoutKey(
  previous: { lines: string; key: string } | undefined,
  lines: readonly CartLine[],
): { lines: string; key: string } {
  const signature = lines.map((l) => `${l.id}x${l.quantity}`).join(',');
  return previous?.lines === signature ? previous : { lines: signature, key: newIdempotencyKey() };
}
