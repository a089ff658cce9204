import { useT } from '@mosaic/shared-components';
import { useEffect, useRef, useState } from 'react';
import { useInventory } from './inventory-context.js';

/** Which products an event touched; `undefined` when it does not say (a new order). */
export type TouchedProducts = readonly string[] | undefined;

/**
 * Calls `onChange` when stock moves: `stock.changed` (with the products it names) or
 * `order.created` (a sale moves stock; the event does not list products). Returns a notice
 * for changes made by another app, e.g. 「收到新订单 …，库存已刷新」.
 */
export function useStockEvents(onChange: (touched: TouchedProducts) => void): string | undefined {
  const { bus } = useInventory();
  const t = useT();
  const [notice, setNotice] = useState<string>();
  const callback = useRef(onChange);
  callback.current = onChange;

  useEffect(() => {
    const offStock = bus.subscribe('stock.changed', ({ items }, { source }) => {
      callback.current(items.map((item) => item.productId));
      if (source !== 'inventory') setNotice(t('inv.stockNotice'));
    });
    const offOrders = bus.subscribe('order.created', ({ orderId }) => {
      callback.current(undefined);
      setNotice(t('inv.orderNotice', { orderId }));
    });
    return () => {
      offStock();
      offOrders();
    };
  }, [bus, t]);

  return notice;
}
