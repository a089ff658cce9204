import { randomUUID } from 'node:crypto';
import type { Queryable } from '../shared/database.js';
import { bulkInsert } from '../shared/bulk-insert.js';
import { formatFen } from '../shared/money.js';
import type { PromotionRule } from './best-promotion.js';
import type { PriceList, Promotion } from './price.js';

const ISO = (column: string): string =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const LIST_COLUMNS = `id, name, member_levels AS "memberLevels", priority,
  ${ISO('valid_from')} AS "validFrom", ${ISO('valid_to')} AS "validTo"`;
const PROMOTION_COLUMNS = `id, name, kind, product_ids AS "productIds", percent_off AS "percentOff",
  fixed_price_fen AS "fixedPriceFen", buy, free, ${ISO('valid_from')} AS "validFrom", ${ISO('valid_to')} AS "validTo"`;

export type NewPriceList = Omit<PriceList, 'id'> & {
  items: { productId: string; priceFen: number }[];
};
export type NewPromotion = Omit<PromotionRule, 'id'> & {
  productIds: string[];
  validFrom: string;
  validTo: string;
};
type PromotionRow = PromotionRule & { productIds: string[]; validFrom: string; validTo: string };

/** Stored promotion to the API shape (money as decimal strings). */
export function toPromotion({ fixedPriceFen, ...row }: PromotionRow): Promotion {
  return { ...row, fixedPrice: fixedPriceFen === null ? null : formatFen(fixedPriceFen) };
}

/** Tenant-scoped pricing queries: every statement filters on tenant_id first. */
export function createPricingRepository(db: Queryable) {
  return {
    /** Per product, the price of the highest-priority list valid at `at` for that member level. */
    async listPrices(tenantId: string, productIds: string[], memberLevel: string, at: Date) {
      const rows = await db.query<{ product_id: string; price_fen: number; price_list_id: string }>(
        `SELECT DISTINCT ON (i.product_id) i.product_id, i.price_fen, i.price_list_id
         FROM price_list_items i JOIN price_lists l ON l.tenant_id = i.tenant_id AND l.id = i.price_list_id
         WHERE i.tenant_id = $1 AND i.product_id = ANY($2::uuid[])
           AND (l.valid_from IS NULL OR l.valid_from <= $3) AND (l.valid_to IS NULL OR l.valid_to > $3)
           AND (cardinality(l.member_levels) = 0 OR $4 = ANY(l.member_levels))
         ORDER BY i.product_id, l.priority DESC, i.price_fen`,
        [tenantId, productIds, at, memberLevel],
      );
      return new Map(rows.map((row) => [row.product_id, row]));
    },
    activePromotions(tenantId: string, productIds: string[], at: Date): Promise<PromotionRow[]> {
      return db.query<PromotionRow>(
        `SELECT ${PROMOTION_COLUMNS} FROM promotions WHERE tenant_id = $1
           AND valid_from <= $2 AND valid_to > $2
           AND (cardinality(product_ids) = 0 OR product_ids && $3::uuid[])`,
        [tenantId, at, productIds],
      );
    },
    listPriceLists(tenantId: string, limit: number, afterId?: string): Promise<PriceList[]> {
      return db.query<PriceList>(
        `SELECT ${LIST_COLUMNS} FROM price_lists WHERE tenant_id = $1 AND ($2::uuid IS NULL OR id > $2)
         ORDER BY id LIMIT $3`,
        [tenantId, afterId ?? null, limit],
      );
    },
    async createPriceList(tenantId: string, list: NewPriceList): Promise<PriceList> {
      const [created] = await db.query<PriceList>(
        `INSERT INTO price_lists (tenant_id, id, name, member_levels, priority, valid_from, valid_to)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${LIST_COLUMNS}`,
        [
          tenantId,
          randomUUID(),
          list.name,
          list.memberLevels,
          list.priority,
          list.validFrom,
          list.validTo,
        ],
      );
      await bulkInsert(
        db,
        'price_list_items',
        { tenant_id: 'text', price_list_id: 'uuid', product_id: 'uuid', price_fen: 'int' },
        list.items.map((item) => [tenantId, created?.id, item.productId, item.priceFen]),
      );
      return created as PriceList;
    },
    listPromotions(tenantId: string, limit: number, afterId: string | undefined, activeAt?: Date) {
      return db.query<PromotionRow>(
        `SELECT ${PROMOTION_COLUMNS} FROM promotions WHERE tenant_id = $1 AND ($2::uuid IS NULL OR id > $2)
           AND ($3::timestamptz IS NULL OR (valid_from <= $3 AND valid_to > $3))
         ORDER BY id LIMIT $4`,
        [tenantId, afterId ?? null, activeAt ?? null, limit],
      );
    },
    async createPromotion(tenantId: string, promotion: NewPromotion): Promise<PromotionRow> {
      const [created] = await db.query<PromotionRow>(
        `INSERT INTO promotions (tenant_id, id, name, kind, product_ids, percent_off, fixed_price_fen,
           buy, free, valid_from, valid_to)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING ${PROMOTION_COLUMNS}`,
        [
          tenantId,
          randomUUID(),
          promotion.name,
          promotion.kind,
          promotion.productIds,
          promotion.percentOff,
          promotion.fixedPriceFen,
          promotion.buy,
          promotion.free,
          promotion.validFrom,
          promotion.validTo,
        ],
      );
      return created as PromotionRow;
    },
  };
}
