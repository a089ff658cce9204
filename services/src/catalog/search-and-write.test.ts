import { describe, expect, it } from 'vitest';
import { productIdFor } from '../shared/ids.js';
import { testBackends } from '../shared/test-storage.js';
import { useService } from '../shared/test-services.js';
import type { Category, Product } from './product.js';
import { startCatalog } from './start-catalog.js';

describe.each(testBackends())('catalog search and writes on $name', (backend) => {
  const service = useService(backend, startCatalog);

  function call(path: string, tenant: string, method = 'GET', body?: unknown): Promise<Response> {
    return fetch(`${service.url}${path}`, {
      method,
      headers: { 'x-tenant-id': tenant, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  async function list(path: string, tenant: string): Promise<Product[]> {
    const response = await call(path, tenant);
    expect(response.status).toBe(200);
    return ((await response.json()) as { items: Product[] }).items;
  }

  it('finds products by words of their name', async () => {
    const found = await list(`/products?q=${encodeURIComponent('牛奶')}&limit=200`, 'xiaomai');
    expect(found.length).toBeGreaterThan(2);
    expect(found.every((product) => product.name.includes('牛奶'))).toBe(true);
  });

  it('finds a product by its exact barcode', async () => {
    const [water] = await list('/products?q=XM-DRK-001', 'xiaomai');
    const found = await list(`/products?q=${water?.barcode}`, 'xiaomai');
    expect(found.map((product) => product.sku)).toEqual(['XM-DRK-001']);
  });

  it('filters by category and pages within it', async () => {
    const drinks = await list(
      `/products?category=${encodeURIComponent('饮料')}&limit=200`,
      'xiaomai',
    );
    expect(drinks.length).toBeGreaterThan(20);
    expect(new Set(drinks.map((product) => product.category))).toEqual(new Set(['饮料']));
    const first = await call(
      `/products?category=${encodeURIComponent('饮料')}&limit=10`,
      'xiaomai',
    );
    expect(((await first.json()) as { nextCursor: string | null }).nextCursor).not.toBeNull();
  });

  it("never finds another tenant's products by search", async () => {
    expect(await list(`/products?q=${encodeURIComponent('龙井')}`, 'xiaomai')).toEqual([]);
  });

  it('lists categories with product counts', async () => {
    const response = await call('/categories', 'chaye');
    const categories = ((await response.json()) as { items: Category[] }).items;
    expect(categories.map((category) => category.name)).toContain('绿茶');
    expect(categories.every((category) => category.productCount > 0)).toBe(true);
  });

  it('creates, then edits a product; a taken sku is a 409', async () => {
    const body = {
      sku: 'CY-NEW-1',
      name: '新茶',
      category: '新品',
      unit: '罐',
      barcode: '12345678',
    };
    const created = await call('/products', 'chaye', 'POST', body);
    expect(created.status).toBe(201);
    const product = (await created.json()) as Product;
    expect(product.id).toBe(productIdFor('chaye', 'CY-NEW-1'));
    expect((await call('/products', 'chaye', 'POST', body)).status).toBe(409);
    const patched = await call(`/products/${product.id}`, 'chaye', 'PATCH', { name: '新茶 二号' });
    expect(await patched.json()).toMatchObject({ name: '新茶 二号', barcode: '12345678' });
  });

  it("cannot edit another tenant's product by its id", async () => {
    const id = productIdFor('xiaomai', 'XM-DRK-001');
    const response = await call(`/products/${id}`, 'chaye', 'PATCH', { name: 'stolen' });
    expect(response.status).toBe(404);
    const [water] = await list('/products?q=XM-DRK-001', 'xiaomai');
    expect(water?.name).toBe('饮用天然水 550ml');
  });

  it('rejects malformed products with 400 naming the field', async () => {
    for (const [body, field] of [
      [{ sku: 'A-1', name: 'x', category: 'c', unit: 'u', barcode: 'abc' }, 'body.barcode'],
      [{ name: 'x', category: 'c', unit: 'u' }, 'body.sku'],
      [{ sku: 'A-1', name: '', category: 'c', unit: 'u' }, 'body.name'],
    ] as const) {
      const response = await call('/products', 'chaye', 'POST', body);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { message: string } }).error.message).toContain(
        field,
      );
    }
  });
});
