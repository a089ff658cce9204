import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppRouteSource } from './use-app-route.js';
import { pathInApp, useAppRoute } from './use-app-route.js';

afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', '/');
});

/** A stand-in for the shell's bus: just the sticky `route.changed` topic. */
function routeBus(): AppRouteSource & { move: (path: string) => void } {
  const handlers = new Set<(payload: { path: string }) => void>();
  return {
    subscribe(_topic, handler) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
    move(path) {
      for (const handler of handlers) handler({ path });
    },
  };
}

describe('pathInApp', () => {
  it('strips the base path', () => {
    expect(pathInApp('/sales', '/sales/orders/7')).toBe('/orders/7');
    expect(pathInApp('/sales', '/sales')).toBe('/');
    expect(pathInApp('/sales/', '/sales/')).toBe('/');
  });

  it('does not match another app that shares a prefix', () => {
    expect(pathInApp('/shop', '/shopping/x')).toBe('/');
  });

  it('keeps the whole path under the root base path of a standalone app', () => {
    expect(pathInApp('/', '/cart')).toBe('/cart');
  });
});

describe('useAppRoute', () => {
  describe('given an app the shell moves without remounting it', () => {
    it('follows the shell back to its base path', () => {
      window.history.replaceState(null, '', '/sales/orders/123');
      const bus = routeBus();
      const { result } = renderHook(() => useAppRoute('/sales', () => undefined, bus));
      expect(result.current.path).toBe('/orders/123');

      act(() => bus.move('/sales'));
      expect(result.current.path).toBe('/');
    });

    it('follows a move to another page of the app', () => {
      window.history.replaceState(null, '', '/sales/dashboard');
      const bus = routeBus();
      const { result } = renderHook(() => useAppRoute('/sales', () => undefined, bus));

      act(() => bus.move('/sales/customers/c-1'));
      expect(result.current.path).toBe('/customers/c-1');
    });

    it('ignores a move to another app, which is about to replace it', () => {
      window.history.replaceState(null, '', '/sales/orders');
      const bus = routeBus();
      const { result } = renderHook(() => useAppRoute('/sales', () => undefined, bus));

      act(() => bus.move('/inventory'));
      expect(result.current.path).toBe('/orders');
    });

    it('stops listening when it unmounts', () => {
      window.history.replaceState(null, '', '/sales/orders');
      const bus = routeBus();
      const { unmount } = renderHook(() => useAppRoute('/sales', () => undefined, bus));
      unmount();
      expect(() => bus.move('/sales')).not.toThrow();
    });
  });

  describe('given the app moves itself', () => {
    it('asks the shell to move to the full path', () => {
      window.history.replaceState(null, '', '/sales');
      const moves: string[] = [];
      const { result } = renderHook(() => useAppRoute('/sales', (p) => moves.push(p)));

      act(() => result.current.go('/orders/new'));
      expect(result.current.path).toBe('/orders/new');
      expect(moves).toEqual(['/sales/orders/new']);
    });
  });
});
