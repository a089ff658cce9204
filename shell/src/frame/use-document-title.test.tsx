// @vitest-environment happy-dom
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { messageHub } from '../bus/message-hub.js';
import { useDocumentTitle } from './use-document-title.js';

afterEach(cleanup);

describe('the document title', () => {
  it("puts the app's page before the app and the tenant", () => {
    renderHook(() => useDocumentTitle({ title: 'Sales', app: 'sales' }, '小麦便利店'));
    act(() => messageHub.scope('sales').publish('title.set', { title: 'Orders' }));
    expect(document.title).toBe('Orders · Sales · 小麦便利店 · Mosaic');
  });

  it('does not say the app twice when its home page is named like the app', () => {
    renderHook(() => useDocumentTitle({ title: 'Shop', app: 'shop' }, '小麦便利店'));
    act(() => messageHub.scope('shop').publish('title.set', { title: 'Shop' }));
    expect(document.title).toBe('Shop · 小麦便利店 · Mosaic');
  });
});
