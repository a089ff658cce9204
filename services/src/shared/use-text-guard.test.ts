import { describe, expect, it } from 'vitest';
import { startCatalog } from '../catalog/start-catalog.js';
import type { Product } from '../catalog/product.js';
import type { ErrorBody } from './use-error-handler.js';
import { testBackends } from './test-storage.js';
import { useService } from './test-services.js';

describe.each(testBackends())('given bad text sent to a service on $name', (backend) => {
  const service = useService(backend, startCatalog);

  function send(path: string, body?: string | Uint8Array): Promise<Response> {
    return fetch(`${service.url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        'x-tenant-id': 'xiaomai',
        'content-type': 'application/json',
        'x-request-id': 'r-1',
      },
      body,
    });
  }

  async function expectRefused(response: Response, message: RegExp): Promise<void> {
    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.code).toBe('BAD_REQUEST');
    expect(body.error.requestId).toBe('r-1');
    expect(body.error.message).toMatch(message);
  }

  /** The raw JSON text of a new product whose name is `nameJson` (already JSON-escaped). */
  const productJson = (sku: string, nameJson: string): string =>
    `{"sku":"${sku}","name":"${nameJson}","category":"饮料","unit":"瓶"}`;

  it('refuses a search for a NUL byte naming the field, instead of failing with a 500', async () => {
    await expectRefused(await send('/products?q=%E7%89%9B%00'), /^query\.q: .*U\+0000 at 1/);
  });

  it('refuses other control characters in a search, tabs and line feeds included', async () => {
    await expectRefused(await send('/products?q=a%0Ab'), /^query\.q: .*U\+000A/);
    await expectRefused(await send('/products?q=%C2%85'), /^query\.q: .*U\+0085/);
  });

  it('refuses a search whose percent-encoding is not UTF-8 (an encoded lone surrogate)', async () => {
    await expectRefused(await send('/products?q=%ED%A0%80'), /^query\.q: .*UTF-8/);
  });

  it('still finds products by a search in Chinese', async () => {
    const response = await send(`/products?q=${encodeURIComponent('牛奶')}`);
    expect(response.status).toBe(200);
  });

  it('refuses a lone surrogate sent as a JSON escape and stores nothing', async () => {
    const response = await send('/products', productJson('BAD-001', 'tea \\ud800'));
    await expectRefused(response, /^body\.name: .*unpaired UTF-16 surrogate \(U\+D800\) at 4/);
    const after = await send('/products?q=BAD-001');
    expect(((await after.json()) as { items: Product[] }).items).toEqual([]);
  });

  it('refuses a lone low surrogate and a NUL escape in a body, naming the field', async () => {
    await expectRefused(
      await send('/products', productJson('BAD-002', '\\udc00tea')),
      /^body\.name: .*\(U\+DC00\) at 0/,
    );
    await expectRefused(
      await send('/products', productJson('BAD-003', 'tea\\u0000')),
      /^body\.name: .*U\+0000/,
    );
  });

  it('refuses raw bytes that are not UTF-8, rather than storing U+FFFD', async () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('{"sku":"BAD-004","name":"tea '),
      0xed,
      0xa0,
      0x80,
      ...new TextEncoder().encode('","category":"饮料","unit":"瓶"}'),
    ]);
    await expectRefused(await send('/products', bytes), /^body: is not valid UTF-8/);
    const after = await send('/products?q=BAD-004');
    expect(((await after.json()) as { items: Product[] }).items).toEqual([]);
  });

  it('keeps a well-formed surrogate pair (an emoji) as sent', async () => {
    const response = await send('/products', productJson('OK-001', 'tea \\ud83c\\udf75'));
    expect(response.status).toBe(201);
    expect(((await response.json()) as Product).name).toBe('tea 🍵');
  });
});
