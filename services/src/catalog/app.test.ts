import { describe, expect, it } from 'vitest';
import type { LogLine } from '../shared/log-line.js';
import { productIdFor } from '../shared/ids.js';
import { createTestStorage, testBackends } from '../shared/test-storage.js';
import { useService } from '../shared/test-services.js';
import type { Product } from './product.js';
import { startCatalog } from './start-catalog.js';

describe.each(testBackends())('catalog service on $name', (backend) => {
  const logs: LogLine[] = [];

  const service = useService(backend, startCatalog, (line) => logs.push(line));

  function call(path: string, tenant?: string, init: RequestInit = {}): Promise<Response> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (tenant) headers['x-tenant-id'] = tenant;
    return fetch(`${service.url}${path}`, { ...init, headers: { ...headers, ...init.headers } });
  }

  async function listAll(tenant: string, limit: number): Promise<Product[]> {
    const items: Product[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const response = await call(`/products?limit=${limit}${query}`, tenant);
      expect(response.status).toBe(200);
      const page = (await response.json()) as { items: Product[]; nextCursor: string | null };
      expect(page.items.length).toBeLessThanOrEqual(limit);
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  }

  it('answers /healthz without a tenant', async () => {
    const response = await fetch(`${service.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('refuses a request without x-tenant-id', async () => {
    const response = await call('/products');
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; requestId: string } };
    expect(body.error.code).toBe('TENANT_REQUIRED');
    expect(body.error.requestId).toBe(response.headers.get('x-request-id'));
  });

  it("echoes the caller's x-request-id and logs one line with it", async () => {
    const response = await call('/products?limit=1', 'xiaomai', {
      headers: {
        'x-request-id': 'req-abc-123',
        traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
        'x-mosaic-env': 'canary',
      },
    });
    expect(response.headers.get('x-request-id')).toBe('req-abc-123');
    const line = logs.find((entry) => entry.requestId === 'req-abc-123');
    expect(line).toMatchObject({
      service: 'catalog',
      tenant: 'xiaomai',
      method: 'GET',
      path: '/products',
      status: 200,
      traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      env: 'canary',
    });
  });

  it('generates a request id when the caller sends none', async () => {
    const response = await call('/products?limit=1', 'xiaomai');
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('shows xiaomai and chaye different products', async () => {
    const xiaomai = await listAll('xiaomai', 200);
    const chaye = await listAll('chaye', 200);
    expect(xiaomai.length).toBeGreaterThanOrEqual(20);
    expect(chaye.length).toBeGreaterThanOrEqual(8);
    const xiaomaiIds = new Set(xiaomai.map((product) => product.id));
    expect(chaye.some((product) => xiaomaiIds.has(product.id))).toBe(false);
    expect(xiaomai.map((product) => product.name)).toContain('饮用天然水 550ml');
    expect(chaye.map((product) => product.name)).toContain('西湖龙井 明前特级 100g');
  });

  it('returns a product by id with its deterministic id', async () => {
    const id = productIdFor('xiaomai', 'XM-DRK-001');
    const response = await call(`/products/${id}`, 'xiaomai');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id, sku: 'XM-DRK-001', unit: '瓶' });
  });

  it("answers 404 when a tenant guesses another tenant's product id", async () => {
    const id = productIdFor('xiaomai', 'XM-DRK-001');
    const response = await call(`/products/${id}`, 'chaye');
    expect(response.status).toBe(404);
    const body = (await response.json()) as { error: { code: string } };
    expect(body.error.code).toBe('NOT_FOUND');
  });

  it("leaves another tenant's products out of a batch", async () => {
    const own = productIdFor('chaye', 'CY-TEA-001');
    const foreign = productIdFor('xiaomai', 'XM-DRK-001');
    const response = await call('/products/batch', 'chaye', {
      method: 'POST',
      body: JSON.stringify({ ids: [foreign, own, 'not-a-uuid', own] }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { items: Product[] };
    expect(body.items.map((product) => product.id)).toEqual([own]);
  });

  it('walks every page without duplicates or gaps', async () => {
    const everything = await listAll('xiaomai', 200);
    const paged = await listAll('xiaomai', 5);
    expect(paged.map((product) => product.id)).toEqual(everything.map((product) => product.id));
    expect(new Set(paged.map((product) => product.id)).size).toBe(paged.length);
  });

  it('rejects a cursor it did not issue', async () => {
    const response = await call('/products?cursor=garbage', 'xiaomai');
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error).toMatchObject({ code: 'BAD_REQUEST' });
    expect(body.error.message).toContain('query.cursor');
  });

  it('rejects a limit above 200 naming the field', async () => {
    const response = await call('/products?limit=201', 'xiaomai');
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { message: string } };
    expect(body.error.message).toContain('query.limit');
  });

  it('rejects a batch without ids naming the field', async () => {
    const response = await call('/products/batch', 'xiaomai', {
      method: 'POST',
      body: JSON.stringify({ id: ['x'] }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('BAD_REQUEST');
    expect(body.error.message).toContain('body.ids');
  });

  it('rejects a batch of more than 200 ids', async () => {
    const ids = Array.from({ length: 201 }, (_, i) => productIdFor('xiaomai', `X-${i}`));
    const response = await call('/products/batch', 'xiaomai', {
      method: 'POST',
      body: JSON.stringify({ ids }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { message: string } };
    expect(body.error.message).toContain('body.ids');
  });

  it('rejects malformed JSON as BAD_REQUEST', async () => {
    const response = await call('/products/batch', 'xiaomai', { method: 'POST', body: '{"ids":' });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; requestId: string } };
    expect(body.error.code).toBe('BAD_REQUEST');
    expect(body.error.requestId).toBeTruthy();
  });

  it('answers unknown routes with the JSON error shape', async () => {
    const response = await call('/nope', 'xiaomai');
    expect(response.status).toBe(404);
    const body = (await response.json()) as { error: { code: string } };
    expect(body.error.code).toBe('NOT_FOUND');
  });
});

describe.each(testBackends())('given a restart on $name', (backend) => {
  it('keeps a product created before it and does not seed twice', async () => {
    const storage = await createTestStorage(backend);
    const headers = { 'x-tenant-id': 'xiaomai', 'content-type': 'application/json' };
    try {
      const first = await startCatalog({ port: 0, ...storage, log: () => {} });
      const created = await fetch(`${first.url}/products`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          sku: 'XM-TEST-001',
          name: '测试商品',
          category: '测试',
          unit: '个',
        }),
      });
      expect(created.status).toBe(201);
      await first.close();

      const second = await startCatalog({ port: 0, ...storage, log: () => {} });
      try {
        const id = productIdFor('xiaomai', 'XM-TEST-001');
        const product = await fetch(`${second.url}/products/${id}`, { headers });
        expect(await product.json()).toMatchObject({
          name: '测试商品',
          barcode: null,
          image: null,
        });
        const page = await fetch(`${second.url}/products?q=XM-DRK-001&limit=200`, { headers });
        expect(((await page.json()) as { items: Product[] }).items).toHaveLength(1);
      } finally {
        await second.close();
      }
    } finally {
      await storage.dispose();
    }
  });
});
