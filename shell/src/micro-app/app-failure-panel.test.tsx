// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LocaleProvider } from '../i18n/locale-context.js';
import type { AppEntry } from '../session/session-api.js';
import { ShellError, ShellErrorCode } from '../shell-error.js';
import { AppFailurePanel } from './app-failure-panel.js';

const sales: AppEntry = {
  name: 'sales',
  version: '0.2.2',
  title: '销售',
  titles: { en: 'Sales' },
  route: '/sales',
  entry: '/apps/sales/0.2.2/index.html',
  protocol: '1.5.0',
};

const qiankunError = new Error(
  "application 'mosaic_sales' died in status NOT_MOUNTED: Cannot read properties of undefined",
);

afterEach(() => {
  cleanup();
  localStorage.clear();
});

describe('given a shop owner reading English', () => {
  it('names the app and what to do, with the request id and no qiankun internals', () => {
    localStorage.setItem('mosaic:locale', 'en-US');
    const onRetry = vi.fn();
    render(
      <LocaleProvider>
        <AppFailurePanel
          app={sales}
          error={qiankunError}
          kind="mount"
          requestId="req-7"
          onRetry={onRetry}
        />
      </LocaleProvider>,
    );
    const panel = screen.getByRole('alert');
    expect(panel.textContent).toContain('Sales could not open');
    expect(panel.textContent).toContain('Request ID: req-7');
    expect(panel.textContent).not.toMatch(/died in status|mosaic_sales|\p{Script=Han}/u);
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it('says the app team must rebuild an app of another protocol, and offers no retry', () => {
    localStorage.setItem('mosaic:locale', 'en-US');
    const error = new ShellError(ShellErrorCode.PROTOCOL_MISMATCH, 'speaks protocol 2.0.0');
    render(
      <LocaleProvider>
        <AppFailurePanel
          app={{ ...sales, protocol: '2.0.0' }}
          error={error}
          kind="load"
          onRetry={() => {}}
        />
      </LocaleProvider>,
    );
    const panel = screen.getByRole('alert');
    expect(panel.textContent).toContain('The team that makes Sales must rebuild');
    expect(panel.textContent).toContain('2.0.0');
    expect(screen.queryByRole('button')).toBeNull();
  });
});

describe('given a shop owner reading Chinese', () => {
  it('tells a download failure to check the network, in Chinese', () => {
    const error = new ShellError(ShellErrorCode.APP_FETCH_FAILED, 'GET x answered HTTP 404');
    render(
      <LocaleProvider>
        <AppFailurePanel app={sales} error={error} kind="load" onRetry={() => {}} />
      </LocaleProvider>,
    );
    expect(screen.getByRole('alert').textContent).toContain('销售 下载失败');
    expect(screen.getByRole('alert').textContent).toContain('请检查网络连接');
    expect(screen.getByRole('button', { name: '重试' })).toBeTruthy();
  });
});
