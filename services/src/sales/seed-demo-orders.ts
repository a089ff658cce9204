import { bulkInsert } from '../shared/bulk-insert.js';
import type { Queryable } from '../shared/database.js';
import { DEMO_TENANTS } from '../shared/demo-data.js';
import { demoOrders } from '../shared/demo-orders.js';
import { deterministicUuid, productIdFor } from '../shared/ids.js';

/** The demo order history; inventory seeds the matching sales movements from the same source. */
export async function seedDemoOrders(tx: Queryable): Promise<void> {
  const today = new Date();
  for (const tenant of DEMO_TENANTS) {
    const t = tenant.id;
    const products = new Map(tenant.products.map((p) => [p.sku, p]));
    const orders = demoOrders(tenant, today);
    const clerk = tenant.users.find((u) => u.roles.includes('clerk'))?.username ?? 'owner';
    await bulkInsert(
      tx,
      'orders',
      {
        tenant_id: 'text',
        id: 'uuid',
        seq: 'int',
        status: 'text',
        customer_id: 'uuid',
        created_by: 'text',
        total_fen: 'int',
        reservation_id: 'uuid',
        created_at: 'timestamptz',
        updated_at: 'timestamptz',
      },
      orders.map((o) => [
        t,
        o.id,
        o.seq,
        o.status,
        o.customerCode ? deterministicUuid('customer', t, o.customerCode) : null,
        clerk,
        o.lines.reduce((sum, l) => sum + l.unitPrice * l.quantity, 0),
        o.reservationId,
        o.createdAt,
        o.createdAt,
      ]),
    );
    await bulkInsert(
      tx,
      'order_lines',
      {
        tenant_id: 'text',
        order_id: 'uuid',
        line_no: 'int',
        product_id: 'uuid',
        sku: 'text',
        name: 'text',
        unit: 'text',
        quantity: 'int',
        unit_price_fen: 'int',
        total_fen: 'int',
      },
      orders.flatMap((o) =>
        o.lines.map((l, i) => {
          const product = products.get(l.sku);
          return [
            t,
            o.id,
            i + 1,
            productIdFor(t, l.sku),
            l.sku,
            product?.name,
            product?.unit,
            l.quantity,
            l.unitPrice,
            l.unitPrice * l.quantity,
          ];
        }),
      ),
    );
    await tx.query('INSERT INTO order_counters (tenant_id, last) VALUES ($1, $2)', [
      t,
      orders.length,
    ]);
  }
}
