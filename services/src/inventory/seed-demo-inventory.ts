import type { Queryable } from '../shared/database.js';
import { bulkInsert } from '../shared/bulk-insert.js';
import { DEMO_TENANTS } from '../shared/demo-data.js';
import { DEMO_HISTORY_DAYS, demoOrders, orderNumber } from '../shared/demo-orders.js';
import { productIdFor, warehouseIdFor } from '../shared/ids.js';

/**
 * Seeds warehouses, stock and its history: one opening receipt per product and warehouse, then a
 * sale movement and a committed reservation for every demo order that took stock (from the first
 * warehouse, the shop floor), so the movements add up to the stock levels.
 */
export async function seedDemoInventory(tx: Queryable): Promise<void> {
  const today = new Date();
  const opening = new Date(today.getTime() - (DEMO_HISTORY_DAYS + 1) * 86_400_000);
  for (const tenant of DEMO_TENANTS) {
    const t = tenant.id;
    const shop = warehouseIdFor(t, tenant.warehouses[0]?.code ?? '');
    await bulkInsert(
      tx,
      'warehouses',
      { tenant_id: 'text', id: 'uuid', code: 'text', name: 'text' },
      tenant.warehouses.map((w) => [t, warehouseIdFor(t, w.code), w.code, w.name]),
    );
    const taking = demoOrders(tenant, today).filter((order) => order.reservationId !== null);
    const sold = new Map<string, number>();
    for (const line of taking.flatMap((order) => order.lines)) {
      sold.set(line.sku, (sold.get(line.sku) ?? 0) + line.quantity);
    }
    const levels: unknown[][] = [];
    const movements: unknown[][] = [];
    const onHand = new Map<string, number>();
    for (const product of tenant.products) {
      for (const [code, final] of Object.entries(product.stock)) {
        const warehouse = warehouseIdFor(t, code);
        const received = final + (warehouse === shop ? (sold.get(product.sku) ?? 0) : 0);
        levels.push([t, warehouse, productIdFor(t, product.sku), final]);
        if (received > 0) {
          movements.push([
            t,
            productIdFor(t, product.sku),
            warehouse,
            'receipt',
            received,
            received,
            'system',
            '期初入库',
            null,
            opening,
          ]);
        }
      }
      // The shop floor's opening quantity, which the sales below draw down.
      onHand.set(
        product.sku,
        (product.stock[tenant.warehouses[0]?.code ?? ''] ?? 0) + (sold.get(product.sku) ?? 0),
      );
    }
    const reservations: unknown[][] = [];
    const reservationLines: unknown[][] = [];
    for (const order of taking) {
      reservations.push([
        t,
        order.reservationId,
        orderNumber(order.seq),
        'committed',
        'clerk',
        order.createdAt,
        order.createdAt,
      ]);
      for (const line of order.lines) {
        const after = (onHand.get(line.sku) ?? 0) - line.quantity;
        onHand.set(line.sku, after);
        const product = productIdFor(t, line.sku);
        reservationLines.push([t, order.reservationId, product, shop, line.quantity]);
        movements.push([
          t,
          product,
          shop,
          'sale',
          -line.quantity,
          after,
          'clerk',
          '销售出库',
          orderNumber(order.seq),
          order.createdAt,
        ]);
      }
    }
    await bulkInsert(
      tx,
      'stock_levels',
      { tenant_id: 'text', warehouse_id: 'uuid', product_id: 'uuid', on_hand: 'int' },
      levels,
    );
    await bulkInsert(
      tx,
      'movements',
      {
        tenant_id: 'text',
        product_id: 'uuid',
        warehouse_id: 'uuid',
        kind: 'text',
        quantity: 'int',
        on_hand_after: 'int',
        actor: 'text',
        reason: 'text',
        reference: 'text',
        created_at: 'timestamptz',
      },
      movements,
    );
    await bulkInsert(
      tx,
      'reservations',
      {
        tenant_id: 'text',
        id: 'uuid',
        reference: 'text',
        status: 'text',
        actor: 'text',
        expires_at: 'timestamptz',
        created_at: 'timestamptz',
      },
      reservations,
    );
    await bulkInsert(
      tx,
      'reservation_lines',
      {
        tenant_id: 'text',
        reservation_id: 'uuid',
        product_id: 'uuid',
        warehouse_id: 'uuid',
        quantity: 'int',
      },
      reservationLines,
    );
  }
}
