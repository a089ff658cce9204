import { describe, expect, it } from 'vitest';
import { productIdFor } from '../shared/ids.js';
import { testBackends } from '../shared/test-storage.js';
import { useService } from '../shared/test-services.js';
import type { PriceList, Promotion, Quote } from './price.js';
import { startPricing } from './start-pricing.js';

describe.each(testBackends())('pricing service on $name', (backend) => {
  const water = productIdFor('xiaomai', 'XM-DRK-001');
  const chips = productIdFor('xiaomai', 'XM-SNK-001');
  const eggs = productIdFor('xiaomai', 'XM-GRO-003');
  const rice = productIdFor('xiaomai', 'XM-GRO-001');

  const service = useService(backend, startPricing);

  async function post<T>(
    path: string,
    body: unknown,
    tenant = 'xiaomai',
    status = 200,
  ): Promise<T> {
    const response = await fetch(`${service.url}${path}`, {
      method: 'POST',
      headers: { 'x-tenant-id': tenant, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(status);
    return (await response.json()) as T;
  }

  it('quotes many products in one call with the best current promotion each', async () => {
    const quote = await post<Quote>('/quotes', {
      lines: [
        { productId: water, quantity: 2 },
        { productId: chips, quantity: 3 },
        { productId: eggs, quantity: 1 },
        { productId: rice, quantity: 1 },
      ],
    });
    expect(quote.lines.map((l) => [l.listPrice, l.total, l.promotion?.name ?? null])).toEqual([
      ['2.00', '3.60', '饮料季 九折'],
      ['7.50', '15.00', '薯片 买二送一'],
      ['13.80', '9.90', '鸡蛋 特价 9.90'],
      ['39.90', '39.90', null],
    ]);
    expect(quote).toMatchObject({ total: '68.40', complete: true, currency: 'CNY' });
  });

  it('gives gold members the member price list', async () => {
    const quote = await post<Quote>('/quotes', {
      lines: [{ productId: rice, quantity: 1 }],
      memberLevel: 'gold',
    });
    expect(quote.lines[0]?.listPrice).toBe('37.90');
  });

  it('ignores promotions outside their validity dates', async () => {
    const past = new Date(Date.now() - 55 * 86_400_000).toISOString();
    const quote = await post<Quote>('/quotes', {
      lines: [{ productId: rice, quantity: 1 }],
      at: past,
    });
    expect(quote.lines[0]).toMatchObject({
      total: '31.92',
      promotion: { name: '国庆 八折（已结束）' },
    });
  });

  it("cannot price another tenant's products", async () => {
    const quote = await post<Quote>(
      '/quotes',
      { lines: [{ productId: water, quantity: 1 }] },
      'chaye',
    );
    expect(quote).toMatchObject({ complete: false, total: '0.00', lines: [{ listPrice: null }] });
  });

  it('answers batch prices in request order, null when unpriced', async () => {
    const body = await post<{ items: { productId: string; price: string | null }[] }>(
      '/prices/batch',
      {
        productIds: [chips, 'nope', water],
      },
    );
    expect(body.items.map((i) => i.price)).toEqual(['7.50', null, '2.00']);
  });

  it('creates a price list and a promotion that later quotes use', async () => {
    const tea = productIdFor('chaye', 'CY-TEA-001');
    await post<PriceList>(
      '/price-lists',
      { name: '周末价', priority: 50, items: [{ productId: tea, price: '300' }] },
      'chaye',
      201,
    );
    const now = Date.now();
    const promotion = await post<Promotion>(
      '/promotions',
      {
        name: '龙井立减',
        kind: 'fixed_price',
        productIds: [tea],
        fixedPrice: '250.00',
        validFrom: new Date(now - 1000).toISOString(),
        validTo: new Date(now + 86_400_000).toISOString(),
      },
      'chaye',
      201,
    );
    expect(promotion.fixedPrice).toBe('250.00');
    const quote = await post<Quote>(
      '/quotes',
      { lines: [{ productId: tea, quantity: 2 }] },
      'chaye',
    );
    expect(quote.lines[0]).toMatchObject({
      listPrice: '300.00',
      total: '500.00',
      promotion: { name: '龙井立减' },
    });
  });

  it('rejects malformed promotions and quotes with 400 naming the field', async () => {
    for (const [path, body, field] of [
      [
        '/promotions',
        {
          name: 'x',
          kind: 'percent_off',
          validFrom: '2026-01-02T00:00:00Z',
          validTo: '2026-01-03T00:00:00Z',
        },
        'body.percentOff',
      ],
      [
        '/promotions',
        {
          name: 'x',
          kind: 'percent_off',
          percentOff: 10,
          validFrom: '2026-01-02T00:00:00Z',
          validTo: '2026-01-01T00:00:00Z',
        },
        'body.validTo',
      ],
      ['/quotes', { lines: [{ productId: water, quantity: 0 }] }, 'body.lines.0.quantity'],
      [
        '/price-lists',
        { name: 'x', items: [{ productId: water, price: '1.999' }] },
        'body.items.0.price',
      ],
    ] as const) {
      const error = await post<{ error: { message: string } }>(path, body, 'xiaomai', 400);
      expect(error.error.message).toContain(field);
    }
  });

  it('pages promotions and can show only the active ones', async () => {
    const response = await fetch(`${service.url}/promotions?active=true&limit=2`, {
      headers: { 'x-tenant-id': 'xiaomai' },
    });
    const page = (await response.json()) as { items: Promotion[]; nextCursor: string | null };
    expect(page.items).toHaveLength(2);
    expect(page.nextCursor).not.toBeNull();
  });
});
