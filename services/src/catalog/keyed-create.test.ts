import { describe, expect, it } from 'vitest';
import { testBackends } from '../shared/test-storage.js';
import { useService } from '../shared/test-services.js';
import type { ErrorBody } from '../shared/use-error-handler.js';
import type { Product } from './product.js';
import { startCatalog } from './start-catalog.js';

/** Product creation retried with an Idempotency-Key, over real HTTP and a real database. */
describe.each(testBackends())('keyed product creation on $name', (backend) => {
  const service = useService(backend, startCatalog);

  function create(body: unknown, key?: string): Promise<Response> {
    const headers = new Headers({ 'x-tenant-id': 'xiaomai', 'content-type': 'application/json' });
    if (key !== undefined) headers.set('idempotency-key', key);
    return fetch(`${service.url}/products`, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
    });
  }

  async function countSku(sku: string): Promise<number> {
    const response = await fetch(`${service.url}/products?q=${sku}`, {
      headers: { 'x-tenant-id': 'xiaomai' },
    });
    return ((await response.json()) as { items: Product[] }).items.length;
  }

  const product = (sku: string, name = '桂花乌龙 试饮装') => ({
    sku,
    name,
    category: '饮料',
    unit: '瓶',
  });

  describe('given a creation sent twice with one key', () => {
    it('creates one product and answers both with it (201, not a sku conflict)', async () => {
      const first = await create(product('XM-KEY-001'), 'new-product-1');
      const retry = await create(product('XM-KEY-001'), 'new-product-1');
      expect([first.status, retry.status]).toEqual([201, 201]);
      const made = (await first.json()) as Product;
      expect(await retry.json()).toEqual(made);
      expect(await countSku('XM-KEY-001')).toBe(1);
    });

    it('answers the retry with the product as it is now', async () => {
      const first = await create(product('XM-KEY-002'), 'new-product-2');
      const made = (await first.json()) as Product;
      await fetch(`${service.url}/products/${made.id}`, {
        method: 'PATCH',
        headers: { 'x-tenant-id': 'xiaomai', 'content-type': 'application/json' },
        body: JSON.stringify({ name: '桂花乌龙 500ml' }),
      });
      const retry = await create(product('XM-KEY-002'), 'new-product-2');
      expect(retry.status).toBe(201);
      expect(((await retry.json()) as Product).name).toBe('桂花乌龙 500ml');
    });
  });

  it('refuses the same key with another product (409) and creates nothing more', async () => {
    await create(product('XM-KEY-003'), 'new-product-3');
    const response = await create(product('XM-KEY-004'), 'new-product-3');
    expect(response.status).toBe(409);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.code).toBe('CONFLICT');
    expect(body.error.message).toContain('use a new key for a new write');
    expect(await countSku('XM-KEY-004')).toBe(0);
  });

  it('refuses a malformed key with 400 BAD_REQUEST and creates nothing', async () => {
    // The BFF sends its key in the body; a header cannot carry this one at all.
    const response = await create({ ...product('XM-KEY-005'), idempotencyKey: 'ключ' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorBody).error.code).toBe('BAD_REQUEST');
    expect(await countSku('XM-KEY-005')).toBe(0);
  });

  it('answers a retried sku conflict with the same refusal', async () => {
    const taken = await create(product('XM-DRK-001'), 'new-product-6');
    const retry = await create(product('XM-DRK-001'), 'new-product-6');
    expect([taken.status, retry.status]).toEqual([409, 409]);
    expect(((await retry.json()) as ErrorBody).error.message).toContain("sku 'XM-DRK-001'");
  });
});
