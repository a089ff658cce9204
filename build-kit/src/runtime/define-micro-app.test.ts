import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineMicroApp } from './define-micro-app.js';
import { createGraphQLClient } from './create-graphql-client.js';
import { createMessageHub } from './bus/create-message-hub.js';
import type { HostContext } from './types.js';
import { PROTOCOL_VERSION } from '../shared/protocol.js';

type QiankunWindow = Window & { __POWERED_BY_QIANKUN__?: boolean };

function hostContext(overrides: Partial<HostContext> = {}): HostContext {
  return {
    protocol: PROTOCOL_VERSION,
    basePath: '/inventory',
    tenant: { id: 'xiaomai', name: '小麦便利店' },
    user: { id: 'u1', username: 'keeper', displayName: '库管', roles: ['keeper'] },
    locale: 'zh-CN',
    graphql: createGraphQLClient({ endpoint: '/graphql' }),
    navigate: () => {},
    bus: createMessageHub().scope('inventory'),
    ...overrides,
  };
}

afterEach(() => {
  delete (window as QiankunWindow).__POWERED_BY_QIANKUN__;
  document.body.innerHTML = '';
});

describe('given the app runs inside qiankun', () => {
  it('mounts into the #root of its template with the host context', async () => {
    (window as QiankunWindow).__POWERED_BY_QIANKUN__ = true;
    const mount = vi.fn();
    const lifecycles = defineMicroApp({ name: 'inventory', mount, unmount: vi.fn() });
    const container = document.createElement('div');
    container.innerHTML = '<div id="root"></div>';

    await lifecycles.bootstrap();
    await lifecycles.mount({ container, mosaic: hostContext() });

    expect(mount).toHaveBeenCalledOnce();
    const ctx = mount.mock.calls[0]?.[0];
    expect(ctx.container).toBe(container.querySelector('#root'));
    expect(ctx.tenant).toEqual({ id: 'xiaomai', name: '小麦便利店' });
    expect(ctx.container.getAttribute('data-mosaic-app')).toBe('inventory');
  });

  it('hands a new context to update while mounted', async () => {
    (window as QiankunWindow).__POWERED_BY_QIANKUN__ = true;
    const update = vi.fn();
    const lifecycles = defineMicroApp({
      name: 'inventory',
      mount: vi.fn(),
      unmount: vi.fn(),
      update,
    });
    const container = document.createElement('div');
    await lifecycles.mount({ container, mosaic: hostContext() });

    await lifecycles.update?.({ container, mosaic: hostContext({ locale: 'en-US' }) });

    expect(update).toHaveBeenCalledOnce();
    expect(update.mock.calls[0]?.[0].locale).toBe('en-US');
  });

  it('updates the mounted app when the host passes no container, as qiankun 2 does', async () => {
    (window as QiankunWindow).__POWERED_BY_QIANKUN__ = true;
    const update = vi.fn();
    const lifecycles = defineMicroApp({
      name: 'inventory',
      mount: vi.fn(),
      unmount: vi.fn(),
      update,
    });
    const container = document.createElement('div');
    container.innerHTML = '<div id="root"></div>';
    await lifecycles.mount({ container, mosaic: hostContext() });

    await lifecycles.update?.({ mosaic: hostContext({ locale: 'en-US' }) });

    expect(update).toHaveBeenCalledOnce();
    expect(update.mock.calls[0]?.[0].locale).toBe('en-US');
    expect(update.mock.calls[0]?.[0].container).toBe(container.querySelector('#root'));
  });

  it('updates nothing once the app is unmounted', async () => {
    (window as QiankunWindow).__POWERED_BY_QIANKUN__ = true;
    const update = vi.fn();
    const lifecycles = defineMicroApp({
      name: 'inventory',
      mount: vi.fn(),
      unmount: vi.fn(),
      update,
    });
    const container = document.createElement('div');
    await lifecycles.mount({ container, mosaic: hostContext() });
    await lifecycles.unmount({ container });

    await lifecycles.update?.({ mosaic: hostContext({ locale: 'en-US' }) });

    expect(update).not.toHaveBeenCalled();
  });

  it('turns a change of `active` alone into deactivate and activate, not update', async () => {
    (window as QiankunWindow).__POWERED_BY_QIANKUN__ = true;
    const calls: string[] = [];
    const lifecycles = defineMicroApp({
      name: 'inventory',
      mount: vi.fn(),
      unmount: vi.fn(),
      update: () => void calls.push('update'),
      activate: (ctx) => void calls.push(`activate ${String(ctx.active)}`),
      deactivate: (ctx) => void calls.push(`deactivate ${String(ctx.active)}`),
    });
    const container = document.createElement('div');
    const mosaic = hostContext();
    await lifecycles.mount({ container, mosaic });

    await lifecycles.update?.({ mosaic: { ...mosaic, active: false } });
    await lifecycles.update?.({ mosaic: { ...mosaic, active: true } });
    await lifecycles.update?.({ mosaic: { ...mosaic, active: true, locale: 'en-US' } });

    expect(calls).toEqual(['deactivate false', 'activate true', 'update']);
  });

  it('exports update for an app that only pauses while hidden', async () => {
    (window as QiankunWindow).__POWERED_BY_QIANKUN__ = true;
    const deactivate = vi.fn();
    const lifecycles = defineMicroApp({
      name: 'inventory',
      mount: vi.fn(),
      unmount: vi.fn(),
      deactivate,
    });
    const container = document.createElement('div');
    const mosaic = hostContext();
    await lifecycles.mount({ container, mosaic });

    await lifecycles.update?.({ mosaic: { ...mosaic, locale: 'en-US' } });
    await lifecycles.update?.({ mosaic: { ...mosaic, active: false } });

    expect(deactivate).toHaveBeenCalledOnce();
  });

  it('exports no update when the app defines none', () => {
    (window as QiankunWindow).__POWERED_BY_QIANKUN__ = true;
    const lifecycles = defineMicroApp({ name: 'inventory', mount: vi.fn(), unmount: vi.fn() });
    expect(lifecycles.update).toBeUndefined();
  });

  it('unmounts with the same context it mounted with', async () => {
    (window as QiankunWindow).__POWERED_BY_QIANKUN__ = true;
    const unmount = vi.fn();
    const lifecycles = defineMicroApp({ name: 'inventory', mount: vi.fn(), unmount });
    const container = document.createElement('div');

    await lifecycles.mount({ container, mosaic: hostContext() });
    await lifecycles.unmount({ container });

    expect(unmount).toHaveBeenCalledOnce();
    expect(unmount.mock.calls[0]?.[0].basePath).toBe('/inventory');
  });

  it('refuses a host speaking another protocol major', async () => {
    (window as QiankunWindow).__POWERED_BY_QIANKUN__ = true;
    const lifecycles = defineMicroApp({ name: 'inventory', mount: vi.fn(), unmount: vi.fn() });

    await expect(
      lifecycles.mount({
        container: document.createElement('div'),
        mosaic: hostContext({ protocol: '2.0.0' }),
      }),
    ).rejects.toMatchObject({ code: 'PROTOCOL_MISMATCH' });
  });

  it('refuses props without a Mosaic context', async () => {
    (window as QiankunWindow).__POWERED_BY_QIANKUN__ = true;
    const lifecycles = defineMicroApp({ name: 'inventory', mount: vi.fn(), unmount: vi.fn() });

    await expect(
      lifecycles.mount({ container: document.createElement('div') }),
    ).rejects.toMatchObject({ code: 'INVALID_MOUNT_PROPS' });
  });
});

describe('given the app runs standalone', () => {
  it('mounts itself into #root with a stand-in context', async () => {
    document.body.innerHTML = '<div id="root"></div>';
    const mount = vi.fn();

    defineMicroApp({ name: 'inventory', mount, unmount: vi.fn() });

    await vi.waitFor(() => expect(mount).toHaveBeenCalledOnce());
    const ctx = mount.mock.calls[0]?.[0];
    expect(ctx.container).toBe(document.getElementById('root'));
    expect(ctx.protocol).toBe(PROTOCOL_VERSION);
    expect(ctx.bus.last('session.changed')?.user?.username).toBe('dev');
    expect(typeof ctx.graphql.request).toBe('function');
  });

  it('hands the app its route as basePath and announces every move on route.changed', async () => {
    window.history.replaceState(null, '', '/');
    document.body.innerHTML = '<div id="root" data-mosaic-base-path="/tally"></div>';
    const mount = vi.fn();

    defineMicroApp({ name: 'tally', mount, unmount: vi.fn() });

    await vi.waitFor(() => expect(mount).toHaveBeenCalledOnce());
    const ctx = mount.mock.calls[0]?.[0];
    expect(ctx.basePath).toBe('/tally');
    expect(window.location.pathname).toBe('/tally');
    const paths: string[] = [];
    ctx.bus.subscribe('route.changed', ({ path }: { path: string }) => paths.push(path));
    ctx.navigate('/tally/counts');
    ctx.bus.publish('nav.request', { path: '/tally/settings', replace: true });
    expect(paths).toEqual(['/tally', '/tally/counts', '/tally/settings']);
    expect(window.location.pathname).toBe('/tally/settings');
  });
});
