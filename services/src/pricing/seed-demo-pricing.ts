import { bulkInsert } from '../shared/bulk-insert.js';
import type { Queryable } from '../shared/database.js';
import { DEMO_TENANTS } from '../shared/demo-data.js';
import { deterministicUuid, productIdFor } from '../shared/ids.js';

const DAY = 86_400_000;

/** A standard price list per tenant, a member list for xiaomai, and current and past promotions. */
export async function seedDemoPricing(tx: Queryable): Promise<void> {
  const now = Date.now();
  for (const tenant of DEMO_TENANTS) {
    const t = tenant.id;
    const standard = deterministicUuid('price-list', t, 'standard');
    const member = deterministicUuid('price-list', t, 'member');
    await tx.query(
      `INSERT INTO price_lists (tenant_id, id, name, member_levels, priority)
       VALUES ($1, $2, '标准价', '{}', 0), ($1, $3, '会员价', $4, 10)`,
      [t, standard, member, ['gold', 'platinum']],
    );
    const ids = (prefix: string): string[] =>
      tenant.products.filter((p) => p.sku.startsWith(prefix)).map((p) => productIdFor(t, p.sku));
    await bulkInsert(
      tx,
      'price_list_items',
      { tenant_id: 'text', price_list_id: 'uuid', product_id: 'uuid', price_fen: 'int' },
      tenant.products.flatMap((p) => [
        [t, standard, productIdFor(t, p.sku), p.price],
        // Members pay 5% less, rounded down to the jiao.
        [t, member, productIdFor(t, p.sku), Math.floor((p.price * 0.95) / 10) * 10],
      ]),
    );
    const promotions =
      t === 'xiaomai'
        ? [
            ['饮料季 九折', 'percent_off', ids('XM-DRK'), 10, null, null, null, -7, 14],
            ['薯片 买二送一', 'buy_n', ids('XM-SNK-00'), null, null, 2, 1, -3, 10],
            ['鸡蛋 特价 9.90', 'fixed_price', ids('XM-GRO-003'), null, 990, null, null, -1, 6],
            ['国庆 八折（已结束）', 'percent_off', [], 20, null, null, null, -60, -50],
          ]
        : [
            [
              '春茶节 八五折',
              'percent_off',
              [...ids('CY-TEA-00'), ...ids('CY-TEA-1')],
              15,
              null,
              null,
              null,
              -5,
              20,
            ],
            ['茶具 买一送一（已结束）', 'buy_n', ids('CY-WAR'), null, null, 1, 1, -40, -30],
          ];
    await bulkInsert(
      tx,
      'promotions',
      {
        tenant_id: 'text',
        id: 'uuid',
        name: 'text',
        kind: 'text',
        percent_off: 'int',
        fixed_price_fen: 'int',
        buy: 'int',
        free: 'int',
        valid_from: 'timestamptz',
        valid_to: 'timestamptz',
      },
      promotions.map(([name, kind, , percent, fixed, buy, free, from, to]) => [
        t,
        deterministicUuid('promotion', t, String(name)),
        name,
        kind,
        percent,
        fixed,
        buy,
        free,
        new Date(now + Number(from) * DAY),
        new Date(now + Number(to) * DAY),
      ]),
    );
    for (const [name, , products] of promotions) {
      await tx.query('UPDATE promotions SET product_ids = $3 WHERE tenant_id = $1 AND id = $2', [
        t,
        deterministicUuid('promotion', t, String(name)),
        products,
      ]);
    }
  }
}
