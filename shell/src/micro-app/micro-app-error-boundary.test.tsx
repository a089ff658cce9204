// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LocaleProvider } from '../i18n/locale-context.js';
import type { AppEntry } from '../session/session-api.js';
import { MicroAppErrorBoundary } from './micro-app-error-boundary.js';

vi.mock('../report/report-client-error.js', () => ({
  reportClientError: async () => 'req-42',
}));

const inventory: AppEntry = {
  name: 'inventory',
  version: '0.3.1',
  title: '库存',
  route: '/inventory',
  entry: '/apps/inventory/0.3.1/index.html',
  protocol: '1.5.0',
};

let broken = true;
function Area(): React.JSX.Element {
  if (broken) throw new Error('Cannot read properties of undefined (reading "map")');
  return <p>库存已加载</p>;
}

afterEach(() => {
  cleanup();
  broken = true;
});

describe('given an app area that crashes while rendering', () => {
  it('says which app stopped working, and Retry asks /api/apps before rendering it again', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const reloadApps = vi.fn(async () => {
      broken = false;
    });
    render(
      <LocaleProvider>
        <MicroAppErrorBoundary app={inventory} reloadApps={reloadApps}>
          <Area />
        </MicroAppErrorBoundary>
      </LocaleProvider>,
    );
    const panel = screen.getByRole('alert');
    expect(panel.textContent).toContain('库存 出错了');
    expect(panel.textContent).not.toContain('reading "map"');
    expect(await screen.findByText('req-42')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    expect(reloadApps).toHaveBeenCalledOnce();
    expect(await screen.findByText('库存已加载')).toBeTruthy();
  });
});
