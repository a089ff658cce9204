import { parseMoney } from '../shared/money.js';
import { ServiceError } from '../shared/service-error.js';
import type { NewOrderLine } from './order-repository.js';
import { callUpstream, type UpstreamContext } from './upstream.js';

/** Where the services that describe and price a product are. */
export interface PricingUpstreams {
  catalogUrl: string;
  pricingUrl: string;
  partyUrl: string;
  timeoutMs: number;
}

interface Product {
  id: string;
  sku: string;
  name: string;
  unit: string;
}

interface QuoteLine {
  productId: string;
  listPrice: string | null;
  total: string | null;
  discount: string;
  promotion: { name: string } | null;
}

/**
 * Turns requested lines into priced order lines: the customer (for the member level) from party,
 * names from catalog, prices and promotions from pricing, each in one batch call. A product or
 * customer the tenant does not have is a 400 naming the field.
 */
export async function priceLines(
  upstreams: PricingUpstreams,
  context: UpstreamContext,
  customerId: string | null,
  requested: { productId: string; quantity: number }[],
): Promise<NewOrderLine[]> {
  const call = <T>(base: string, path: string, body?: unknown) =>
    callUpstream<T>(base, path, context, {
      method: body === undefined ? 'GET' : 'POST',
      body,
      timeoutMs: upstreams.timeoutMs,
    });
  let memberLevel = 'none';
  if (customerId) {
    const customer = await call<{ memberLevel?: string }>(
      upstreams.partyUrl,
      `/customers/${customerId}`,
    );
    if (customer.status !== 200) {
      throw new ServiceError(
        'BAD_REQUEST',
        `body.customerId: customer '${customerId}' does not exist for tenant '${context.tenantId}'`,
      );
    }
    memberLevel = customer.body.memberLevel ?? 'none';
  }
  const ids = requested.map((line) => line.productId);
  const [products, quote] = await Promise.all([
    call<{ items: Product[] }>(upstreams.catalogUrl, '/products/batch', { ids }),
    call<{ lines: QuoteLine[] }>(upstreams.pricingUrl, '/quotes', {
      lines: requested,
      memberLevel,
    }),
  ]);
  if (products.status !== 200 || quote.status !== 200) {
    throw new ServiceError(
      'UPSTREAM_UNAVAILABLE',
      'catalog or pricing refused the order lines; retry later',
    );
  }
  const byId = new Map(products.body.items.map((product) => [product.id, product]));
  return requested.map((line, i) => {
    const product = byId.get(line.productId.toLowerCase());
    const priced = quote.body.lines[i];
    if (!product) {
      throw new ServiceError(
        'BAD_REQUEST',
        `body.lines.${i}.productId: product '${line.productId}' does not exist for tenant '${context.tenantId}'`,
      );
    }
    if (!priced?.listPrice || !priced.total) {
      throw new ServiceError(
        'BAD_REQUEST',
        `body.lines.${i}.productId: ${product.sku} has no price; add it to a price list`,
      );
    }
    return {
      productId: product.id,
      sku: product.sku,
      name: product.name,
      unit: product.unit,
      quantity: line.quantity,
      unitPriceFen: parseMoney(priced.listPrice),
      discountFen: parseMoney(priced.discount),
      totalFen: parseMoney(priced.total),
      promotion: priced.promotion?.name ?? null,
    };
  });
}
