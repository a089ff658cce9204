import type { GraphQLClient } from '@mosaic/build-kit';
import type { CartLine } from '../cart/cart.js';

/** The BFF's persisted operation `place_shop_order.graphql`, word for word. */
export const PLACE_SHOP_ORDER = `mutation PlaceShopOrder($input: ShopOrderInput!) {
  placeShopOrder(input: $input) {
    orderId
    number
    status
    total
  }
}
`;

export interface ShopReceipt {
  orderId: string;
  number: string;
  status: string;
  total: string;
}

/** Places and confirms the cart as one order; the BFF charges today's prices. */
export async function placeOrder(
  graphql: GraphQLClient,
  lines: readonly CartLine[],
): Promise<ShopReceipt> {
  const { placeShopOrder } = await graphql.request<{ placeShopOrder: ShopReceipt }>(
    PLACE_SHOP_ORDER,
    { input: { lines: lines.map((l) => ({ productId: l.id, quantity: l.quantity })) } },
    { operationName: 'PlaceShopOrder' },
  );
  return placeShopOrder;
}

/** The cart line a refusal names (by id or name, as the BFF's messages carry no field path). */
export function lineNamedIn(lines: readonly CartLine[], message: string): CartLine | undefined {
  return lines.find((l) => message.includes(l.id) || message.includes(l.name));
}
