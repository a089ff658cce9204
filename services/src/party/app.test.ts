import { describe, expect, it } from 'vitest';
import { deterministicUuid } from '../shared/ids.js';
import { testBackends } from '../shared/test-storage.js';
import { useService } from '../shared/test-services.js';
import type { Customer } from './customer.js';
import { startParty } from './start-party.js';

describe.each(testBackends())('party service on $name', (backend) => {
  const service = useService(backend, startParty);

  function call(path: string, tenant?: string, method = 'GET', body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (tenant) headers['x-tenant-id'] = tenant;
    return fetch(`${service.url}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  async function listAll(tenant: string, query: string, limit: number): Promise<Customer[]> {
    const items: Customer[] = [];
    let cursor: string | null = null;
    do {
      const after: string = cursor ? `&cursor=${cursor}` : '';
      const page = (await (
        await call(`/customers?limit=${limit}${query}${after}`, tenant)
      ).json()) as {
        items: Customer[];
        nextCursor: string | null;
      };
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  }

  it('refuses a request without x-tenant-id', async () => {
    expect((await call('/customers')).status).toBe(400);
  });

  it('pages through every customer once, by name', async () => {
    const all = await listAll('xiaomai', '', 200);
    const paged = await listAll('xiaomai', '', 7);
    expect(all.length).toBe(80);
    expect(paged.map((c) => c.id)).toEqual(all.map((c) => c.id));
  });

  it('searches by a fragment of the phone number or name', async () => {
    const [someone] = await listAll('chaye', '', 200);
    const byPhone = await listAll('chaye', `&q=${someone?.phone.slice(3, 9)}`, 50);
    expect(byPhone.map((c) => c.id)).toContain(someone?.id);
    const gold = await listAll('chaye', '&memberLevel=gold', 50);
    expect(gold.every((c) => c.memberLevel === 'gold')).toBe(true);
  });

  it("leaves another tenant's customers out of a batch and answers 404 by id", async () => {
    const foreign = deterministicUuid('customer', 'xiaomai', 'C0001');
    const own = deterministicUuid('customer', 'chaye', 'C0001');
    const batch = await call('/customers/batch', 'chaye', 'POST', { ids: [foreign, own, 'x'] });
    expect(((await batch.json()) as { items: Customer[] }).items.map((c) => c.id)).toEqual([own]);
    expect((await call(`/customers/${foreign}`, 'chaye')).status).toBe(404);
    expect((await call(`/customers/${foreign}`, 'chaye', 'PATCH', { name: '改名' })).status).toBe(
      404,
    );
  });

  it('creates a customer, edits their level and refuses a duplicate phone', async () => {
    const body = { name: '周小姐', phone: '13000000001', address: '杭州市西湖区北山路1号' };
    const created = await call('/customers', 'chaye', 'POST', body);
    expect(created.status).toBe(201);
    const customer = (await created.json()) as Customer;
    expect(customer.memberLevel).toBe('none');
    const patched = await call(`/customers/${customer.id}`, 'chaye', 'PATCH', {
      memberLevel: 'gold',
    });
    expect(await patched.json()).toMatchObject({ memberLevel: 'gold', address: body.address });
    expect((await call('/customers', 'chaye', 'POST', body)).status).toBe(409);
    // The same phone in another tenant is another person.
    expect((await call('/customers', 'xiaomai', 'POST', body)).status).toBe(201);
  });

  it('rejects a malformed customer with 400 naming the field', async () => {
    const response = await call('/customers', 'chaye', 'POST', { name: '某人', phone: '12345' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain(
      'body.phone',
    );
  });

  it('rejects a batch over 200 ids', async () => {
    const ids = Array.from({ length: 201 }, (_, i) => deterministicUuid('x', String(i)));
    expect((await call('/customers/batch', 'chaye', 'POST', { ids })).status).toBe(400);
  });
});
