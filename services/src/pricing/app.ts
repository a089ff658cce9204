import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createService } from '../shared/create-service.js';
import { decodeCursor } from '../shared/cursor.js';
import type { Database } from '../shared/database.js';
import { isUuid } from '../shared/ids.js';
import type { LogSink } from '../shared/log-line.js';
import { formatFen, moneySchema, parseMoney } from '../shared/money.js';
import { batchIds, MAX_BATCH, pageQuery, toPage, type Page } from '../shared/page.js';
import { operationContext, recordOperation } from '../shared/operation-log.js';
import { readerOf } from '../shared/use-writer-tracking.js';
import { parseInput } from '../shared/parse-input.js';
import { ServiceError } from '../shared/service-error.js';
import { bestPromotion } from './best-promotion.js';
import { PROMOTION_KINDS, type PriceList, type Promotion, type Quote } from './price.js';
import { createPricingRepository, toPromotion } from './pricing-repository.js';

const memberLevel = z.enum(['none', 'silver', 'gold', 'platinum']);
const quoteBody = z.object({
  lines: z
    .array(z.object({ productId: z.uuid(), quantity: z.int().min(1).max(100_000) }))
    .min(1)
    .max(MAX_BATCH),
  memberLevel: memberLevel.default('none'),
  at: z.iso.datetime({ offset: true }).optional(),
});

const priceListBody = z.object({
  name: z.string().trim().min(1).max(60),
  memberLevels: z.array(memberLevel).max(4).default([]),
  priority: z.int().min(-1000).max(1000).default(0),
  validFrom: z.iso.datetime({ offset: true }).nullable().default(null),
  validTo: z.iso.datetime({ offset: true }).nullable().default(null),
  items: z
    .array(z.object({ productId: z.uuid(), price: moneySchema }))
    .max(2000)
    .default([]),
});

const promotionBody = z
  .object({
    name: z.string().trim().min(1).max(60),
    kind: z.enum(PROMOTION_KINDS),
    productIds: z.array(z.uuid()).max(MAX_BATCH).default([]),
    percentOff: z.int().min(1).max(99).nullable().default(null),
    fixedPrice: moneySchema.nullable().default(null),
    buy: z.int().min(1).max(100).nullable().default(null),
    free: z.int().min(1).max(100).nullable().default(null),
    validFrom: z.iso.datetime({ offset: true }),
    validTo: z.iso.datetime({ offset: true }),
  })
  .refine((p) => Date.parse(p.validTo) > Date.parse(p.validFrom), {
    message: 'must be after validFrom',
    path: ['validTo'],
  })
  .refine((p) => p.kind !== 'percent_off' || p.percentOff !== null, {
    message: 'percent_off needs it',
    path: ['percentOff'],
  })
  .refine((p) => p.kind !== 'fixed_price' || p.fixedPrice !== null, {
    message: 'fixed_price needs it',
    path: ['fixedPrice'],
  })
  .refine((p) => p.kind !== 'buy_n' || (p.buy !== null && p.free !== null), {
    message: 'buy_n needs buy and free',
    path: ['buy'],
  });

const promotionQuery = pageQuery.extend({ active: z.enum(['true', 'false']).optional() });

function afterId(cursor: string | undefined): string | undefined {
  const id = cursor === undefined ? undefined : decodeCursor(cursor);
  if (id !== undefined && !isUuid(id))
    throw new ServiceError('BAD_REQUEST', 'query.cursor: not a cursor this service issued');
  return id;
}

/** The pricing HTTP API: price lists, promotions and quotes. */
export function createPricingApp(db: Database, log?: LogSink): FastifyInstance {
  const app = createService({ name: 'pricing', log });
  const pricing = createPricingRepository(db);

  app.post('/quotes', async (request): Promise<Quote> => {
    const body = parseInput(quoteBody, request.body, 'body');
    const at = body.at ? new Date(body.at) : new Date();
    const ids = [...new Set(body.lines.map((line) => line.productId.toLowerCase()))];
    const [prices, promotions] = await Promise.all([
      pricing.listPrices(request.tenantId, ids, body.memberLevel, at),
      pricing.activePromotions(request.tenantId, ids, at),
    ]);
    let totalFen = 0;
    const lines = body.lines.map(({ productId, quantity }) => {
      const price = prices.get(productId.toLowerCase());
      if (!price)
        return {
          productId,
          quantity,
          listPrice: null,
          total: null,
          discount: '0.00',
          promotion: null,
        };
      const rules = promotions.filter(
        (p) => p.productIds.length === 0 || p.productIds.includes(productId.toLowerCase()),
      );
      const best = bestPromotion(rules, price.price_fen, quantity);
      totalFen += best.totalFen;
      return {
        productId,
        quantity,
        listPrice: formatFen(price.price_fen),
        total: formatFen(best.totalFen),
        discount: formatFen(price.price_fen * quantity - best.totalFen),
        promotion: best.rule && { id: best.rule.id, name: best.rule.name },
      };
    });
    return {
      lines,
      total: formatFen(totalFen),
      complete: lines.every((l) => l.total !== null),
      currency: 'CNY',
      at: at.toISOString(),
    };
  });

  app.post('/prices/batch', async (request) => {
    const body = parseInput(
      z.object({ productIds: batchIds, memberLevel: memberLevel.default('none') }),
      request.body,
      'body',
    );
    const ids = body.productIds.filter(isUuid).map((id) => id.toLowerCase());
    const prices = await pricing.listPrices(request.tenantId, ids, body.memberLevel, new Date());
    return {
      items: [...new Set(body.productIds)].map((productId) => {
        const price = prices.get(productId.toLowerCase());
        return {
          productId,
          price: price ? formatFen(price.price_fen) : null,
          priceListId: price?.price_list_id ?? null,
        };
      }),
    };
  });

  app.get('/price-lists', async (request): Promise<Page<PriceList>> => {
    const query = parseInput(pageQuery, request.query, 'query');
    const rows = await createPricingRepository(db.read(readerOf(request))).listPriceLists(
      request.tenantId,
      query.limit + 1,
      afterId(query.cursor),
    );
    return toPage(rows, query.limit, (list) => list.id);
  });

  app.post('/price-lists', async (request, reply): Promise<PriceList> => {
    const body = parseInput(priceListBody, request.body, 'body');
    const items = body.items.map((item) => ({
      productId: item.productId,
      priceFen: parseMoney(item.price),
    }));
    const list = await db.transaction(async (tx) => {
      const created = await createPricingRepository(tx).createPriceList(request.tenantId, {
        ...body,
        items,
      });
      await recordOperation(tx, operationContext(request), {
        operation: 'price-list.create',
        entityType: 'price-list',
        entityId: created.id,
        before: null,
        after: created,
      });
      return created;
    });
    reply.status(201);
    return list;
  });

  app.get('/promotions', async (request): Promise<Page<Promotion>> => {
    const query = parseInput(promotionQuery, request.query, 'query');
    const activeAt = query.active === 'true' ? new Date() : undefined;
    const rows = await createPricingRepository(db.read(readerOf(request))).listPromotions(
      request.tenantId,
      query.limit + 1,
      afterId(query.cursor),
      activeAt,
    );
    const page = toPage(rows, query.limit, (promotion) => promotion.id);
    return { ...page, items: page.items.map(toPromotion) };
  });

  app.post('/promotions', async (request, reply): Promise<Promotion> => {
    const { fixedPrice, ...body } = parseInput(promotionBody, request.body, 'body');
    const fixedPriceFen = fixedPrice === null ? null : parseMoney(fixedPrice);
    const promotion = await db.transaction(async (tx) => {
      const created = toPromotion(
        await createPricingRepository(tx).createPromotion(request.tenantId, {
          ...body,
          fixedPriceFen,
        }),
      );
      await recordOperation(tx, operationContext(request), {
        operation: 'promotion.create',
        entityType: 'promotion',
        entityId: created.id,
        before: null,
        after: created,
      });
      return created;
    });
    reply.status(201);
    return promotion;
  });

  return app;
}
