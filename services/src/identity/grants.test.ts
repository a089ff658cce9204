import { describe, expect, it } from 'vitest';
import { testBackends } from '../shared/test-storage.js';
import { useService } from '../shared/test-services.js';
import type { VerifiedSession } from './user.js';
import { startIdentity } from './start-identity.js';

interface Grants {
  items: { name: string; apps: string[] }[];
}

describe.each(testBackends())('role grants on $name', (backend) => {
  const service = useService(backend, startIdentity);

  function call(method: string, path: string, tenant?: string): Promise<Response> {
    return fetch(`${service.url}${path}`, {
      method,
      headers: tenant ? { 'x-tenant-id': tenant } : {},
    });
  }

  async function clerkApps(tenant: string): Promise<string[]> {
    const response = await fetch(`${service.url}/sessions/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tenant, username: 'clerk', password: 'demo1234' }),
    });
    return ((await response.json()) as VerifiedSession).apps;
  }

  it("starts every tenant with contracts' default grants", async () => {
    for (const tenant of ['xiaomai', 'chaye']) {
      const grants = (await (await call('GET', '/roles', tenant)).json()) as Grants;
      expect(grants.items).toEqual([
        { name: 'owner', apps: ['*'] },
        { name: 'clerk', apps: ['sales', 'shop'] },
        { name: 'keeper', apps: ['inventory'] },
      ]);
    }
  });

  it('grants and revokes in one tenant only, and sign-in reads the grants', async () => {
    const granted = await call('PUT', '/roles/clerk/apps/inventory', 'xiaomai');
    expect(granted.status).toBe(200);
    expect(await granted.json()).toEqual({ name: 'clerk', apps: ['inventory', 'sales', 'shop'] });
    // Idempotent.
    expect((await call('PUT', '/roles/clerk/apps/inventory', 'xiaomai')).status).toBe(200);
    expect(await clerkApps('xiaomai')).toEqual(['inventory', 'sales', 'shop']);
    const chaye = (await (await call('GET', '/roles', 'chaye')).json()) as Grants;
    expect(chaye.items.find((role) => role.name === 'clerk')?.apps).toEqual(['sales', 'shop']);

    const revoked = await call('DELETE', '/roles/clerk/apps/shop', 'xiaomai');
    expect(await revoked.json()).toEqual({ name: 'clerk', apps: ['inventory', 'sales'] });
    expect(await clerkApps('xiaomai')).toEqual(['inventory', 'sales']);

    await call('DELETE', '/roles/clerk/apps/inventory', 'xiaomai');
    await call('PUT', '/roles/clerk/apps/shop', 'xiaomai');
    expect(await clerkApps('xiaomai')).toEqual(['sales', 'shop']);
  });

  it('refuses to change the owner, an unknown role or app name, or an unknown tenant', async () => {
    const owner = await call('DELETE', '/roles/owner/apps/shop', 'xiaomai');
    expect(owner.status).toBe(409);
    expect(((await owner.json()) as { error: { message: string } }).error.message).toContain(
      'owner role always opens every app',
    );
    expect((await call('PUT', '/roles/admin/apps/shop', 'xiaomai')).status).toBe(400);
    expect((await call('PUT', '/roles/clerk/apps/Bad_Name', 'xiaomai')).status).toBe(400);
    expect((await call('PUT', '/roles/clerk/apps/shop', 'nowhere')).status).toBe(404);
    expect((await call('PUT', '/roles/clerk/apps/shop')).status).toBe(400);
  });

  it('tells which roles hold an app in any tenant', async () => {
    await call('PUT', '/roles/keeper/apps/reports', 'chaye');
    const reports = await (await call('GET', '/apps/reports/granted-roles')).json();
    expect(reports).toEqual({ app: 'reports', roles: ['owner', 'keeper'] });
    const shop = await (await call('GET', '/apps/shop/granted-roles')).json();
    expect(shop).toEqual({ app: 'shop', roles: ['owner', 'clerk'] });
    await call('DELETE', '/roles/keeper/apps/reports', 'chaye');
  });
});
