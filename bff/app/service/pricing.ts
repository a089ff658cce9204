import { Service } from 'egg';
import { z } from 'zod';
import { cachedBatch } from '../lib/upstream/cached_batch.js';
import { upstreamFor } from '../lib/upstream/upstream_for.js';
import { parseMoney } from '../lib/money.js';

const PromotionSchema = z.object({ id: z.string(), name: z.string() });

/** One line of pricing's `POST /quotes` answer; money as decimal strings, null when unpriced. */
const QuoteLineSchema = z.object({
  productId: z.string(),
  listPrice: z.string().nullable(),
  total: z.string().nullable(),
  promotion: PromotionSchema.nullable(),
});

/** What one unit of a product sells for now, in fen: list price and after the best promotion. */
export interface Quote {
  productId: string;
  listPrice: number;
  price: number;
  promotion: { id: string; name: string } | null;
}

const QuotesSchema = z.object({ lines: z.array(QuoteLineSchema) });

/** The pricing service (price lists, promotions), called for one tenant; quotes are cached. */
export default class PricingService extends Service {
  /** Quotes by product id, from the cache or one batch call per 200 misses. */
  async quotes(tenantId: string, productIds: readonly string[]): Promise<Map<string, Quote>> {
    const client = upstreamFor(this.ctx, 'pricing', tenantId);
    const schema = QuotesSchema;
    return cachedBatch(
      this.ctx,
      'price',
      tenantId,
      productIds,
      async (part) => {
        // A one-unit quote per product: the unit price after the best promotion, now.
        const lines = part.map((productId) => ({ productId, quantity: 1 }));
        const quote = await client.query('/quotes', { lines }, schema);
        return quote.lines.flatMap((line): Quote[] =>
          line.listPrice === null || line.total === null
            ? [] // unpriced
            : [
                {
                  productId: line.productId,
                  listPrice: parseMoney(line.listPrice),
                  price: parseMoney(line.total),
                  promotion: line.promotion,
                },
              ],
        );
      },
      (quote) => quote.productId,
    );
  }
}
