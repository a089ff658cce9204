// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LocaleProvider } from '../i18n/locale-context.js';
import type { AppEntry, Session } from '../session/session-api.js';
import { Frame } from './frame.js';

const apps: AppEntry[] = [
  {
    name: 'inventory',
    version: '0.3.1',
    title: '库存',
    route: '/inventory',
    entry: '/apps/inventory/0.3.1/index.html',
    protocol: '1.4.0',
  },
  {
    name: 'sales',
    version: '0.2.2',
    title: '销售',
    titles: { en: 'Sales' },
    route: '/sales',
    entry: '/apps/sales/0.2.2/index.html',
    protocol: '1.5.0',
  },
];

// The frame around the apps only: the list is given, and no app is really loaded.
vi.mock('./use-apps.js', () => ({
  useApps: () => ({
    state: { status: 'ready', apps, overrides: [], devTools: false },
    retry: () => {},
  }),
}));
vi.mock('../micro-app/micro-app-host.js', () => ({
  MicroAppHost: ({ app }: { app: AppEntry }) => <div data-testid="app-area">{app.name}</div>,
}));
vi.mock('../session/session-context.js', () => ({
  useSession: () => ({ signOut: async () => {} }),
}));

const session: Session = {
  tenant: { id: 'xiaomai', name: '小麦便利店' },
  user: { id: 'u-1', username: 'owner', displayName: '店主', roles: ['owner'] },
};

function chooseLanguage(locale: string): void {
  fireEvent.click(screen.getByRole('button', { name: /用户菜单|User menu/ }));
  fireEvent.change(screen.getByRole('combobox'), { target: { value: locale } });
  fireEvent.click(screen.getByRole('button', { name: /用户菜单|User menu/ }));
}

afterEach(() => {
  cleanup();
  localStorage.clear();
});

describe('given an owner on sales, whose manifest has an English title', () => {
  it('names sales in English in the nav and the document title as soon as English is chosen', () => {
    render(
      <LocaleProvider>
        <Router hook={memoryLocation({ path: '/sales' }).hook}>
          <Frame session={session} />
        </Router>
      </LocaleProvider>,
    );
    const nav = screen.getByRole('navigation');
    expect(nav.querySelector('[data-app="sales"]')?.textContent).toBe('销销售');
    expect(document.title).toBe('销售 · 小麦便利店 · Mosaic');

    chooseLanguage('en-US');

    expect(nav.querySelector('[data-app="sales"]')?.textContent).toBe('SSales');
    expect(document.title).toBe('Sales · 小麦便利店 · Mosaic');
    // Still the same mounted app area: the language changed in place.
    expect(screen.getByTestId('app-area').textContent).toBe('sales');
  });

  it('keeps the default title of an app that has none in English', () => {
    render(
      <LocaleProvider>
        <Router hook={memoryLocation({ path: '/inventory' }).hook}>
          <Frame session={session} />
        </Router>
      </LocaleProvider>,
    );

    chooseLanguage('en-US');

    expect(
      screen.getByRole('navigation').querySelector('[data-app="inventory"]')?.textContent,
    ).toBe('库库存');
    expect(document.title).toBe('库存 · 小麦便利店 · Mosaic');
  });

  it('names sales in Chinese again when the user switches back', () => {
    render(
      <LocaleProvider>
        <Router hook={memoryLocation({ path: '/sales' }).hook}>
          <Frame session={session} />
        </Router>
      </LocaleProvider>,
    );

    chooseLanguage('en-US');
    chooseLanguage('zh-CN');

    expect(screen.getByRole('link', { name: /销售/ })).toBeTruthy();
    expect(document.title).toBe('销售 · 小麦便利店 · Mosaic');
  });
});
