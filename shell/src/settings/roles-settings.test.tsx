// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LocaleProvider } from '../i18n/locale-context.js';
import RolesSettings from './roles-settings.js';

const grants = {
  roles: [
    { name: 'owner', apps: ['*'] },
    { name: 'clerk', apps: ['sales', 'shop'] },
    { name: 'keeper', apps: ['inventory'] },
  ],
  apps: [
    { name: 'inventory', title: '库存', roles: ['owner', 'keeper'] },
    { name: 'sales', title: '销售', roles: ['owner', 'clerk'] },
    { name: 'shop', title: '商城', roles: ['owner', 'clerk'] },
  ],
};

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'x-request-id': 'req-header' },
  });
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the roles settings', () => {
  it('puts a switch back and shows the error with its request id when the BFF refuses', async () => {
    // The identity service being down is what must fail on purpose here.
    vi.stubGlobal('fetch', async (url: string, init?: RequestInit) =>
      init?.method === 'DELETE'
        ? json(
            {
              error: {
                code: 'UPSTREAM_UNAVAILABLE',
                message: 'identity is down',
                requestId: 'req-42',
              },
            },
            502,
          )
        : json(url === '/api/roles' ? grants : {}),
    );
    render(
      <LocaleProvider>
        <RolesSettings />
      </LocaleProvider>,
    );
    const shop = await screen.findByRole('switch', { name: '店员 可以打开 商城' });
    expect(shop).toHaveProperty('checked', true);
    expect(screen.getByRole('switch', { name: '店主 可以打开 商城' })).toHaveProperty(
      'disabled',
      true,
    );
    // Not built for the clerk: no switch to turn on.
    expect(screen.getByRole('switch', { name: '店员 可以打开 库存' })).toHaveProperty(
      'disabled',
      true,
    );

    fireEvent.click(shop);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('没有保存');
    expect(alert.textContent).toContain('identity is down');
    expect(alert.textContent).toContain('req-42');
    await waitFor(() => expect(shop).toHaveProperty('checked', true));
  });

  it('shows the empty state when the tenant has no apps', async () => {
    vi.stubGlobal('fetch', async () => json({ roles: grants.roles, apps: [] }));
    render(
      <LocaleProvider>
        <RolesSettings />
      </LocaleProvider>,
    );
    expect(await screen.findByText('还没有应用')).toBeTruthy();
  });
});
