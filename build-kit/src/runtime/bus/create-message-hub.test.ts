import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMessageHub } from './create-message-hub.js';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('given two apps on one hub', () => {
  it('delivers a published event to the other app with its source', () => {
    const hub = createMessageHub();
    const sales = hub.scope('sales');
    const inventory = hub.scope('inventory');
    const handler = vi.fn();
    inventory.subscribe('order.created', handler);

    sales.publish('order.created', { orderId: 'o1', total: '12.50', lineCount: 2 });

    expect(handler).toHaveBeenCalledWith(
      { orderId: 'o1', total: '12.50', lineCount: 2 },
      { source: 'sales' },
    );
  });

  it('stops delivering after unsubscribe', () => {
    const hub = createMessageHub();
    const handler = vi.fn();
    const off = hub.scope('inventory').subscribe('order.created', handler);

    off();
    off();
    hub.scope('sales').publish('order.created', { orderId: 'o1', total: '1', lineCount: 1 });

    expect(handler).not.toHaveBeenCalled();
  });

  it('hands a late subscriber the last value of a sticky topic', () => {
    const hub = createMessageHub();
    hub.scope('shop').publish('cart.updated', { itemCount: 1, total: '3.00' });
    hub.scope('shop').publish('cart.updated', { itemCount: 2, total: '6.00' });
    const handler = vi.fn();

    hub.scope('shell').subscribe('cart.updated', handler);

    expect(handler).toHaveBeenCalledOnce();
    expect(handler).toHaveBeenCalledWith({ itemCount: 2, total: '6.00' }, { source: 'shop' });
    expect(hub.scope('x').last('cart.updated')).toEqual({ itemCount: 2, total: '6.00' });
  });

  it('does not replay a non-sticky topic', () => {
    const hub = createMessageHub();
    hub.scope('sales').publish('order.created', { orderId: 'o1', total: '1', lineCount: 1 });
    const handler = vi.fn();

    hub.scope('inventory').subscribe('order.created', handler);

    expect(handler).not.toHaveBeenCalled();
  });

  it('keeps delivering when one subscriber throws', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const hub = createMessageHub();
    const good = vi.fn();
    hub.scope('a').subscribe('order.created', () => {
      throw new Error('boom');
    });
    hub.scope('b').subscribe('order.created', good);

    hub.scope('sales').publish('order.created', { orderId: 'o1', total: '1', lineCount: 1 });

    expect(good).toHaveBeenCalledOnce();
  });

  it('gives every receiver a frozen copy', () => {
    const hub = createMessageHub();
    let received: unknown;
    hub.scope('a').subscribe('stock.changed', (payload) => {
      received = payload;
    });
    const items = [{ productId: 'p1', onHand: 3 }];

    hub.scope('b').publish('stock.changed', { reason: 'sale', items });
    items[0]!.onHand = 99;

    expect(received).toEqual({ reason: 'sale', items: [{ productId: 'p1', onHand: 3 }] });
    expect(Object.isFrozen(received)).toBe(true);
  });
});

describe('given a payload that does not match its topic', () => {
  it('throws BUS_INVALID_PAYLOAD naming the topic and the field', () => {
    const hub = createMessageHub();
    const publish = (): void =>
      hub.scope('sales').publish('order.created', {
        orderId: 'o1',
        total: 12.5 as unknown as string,
        lineCount: 1,
      });

    expect(publish).toThrow(/event 'order\.created'[\s\S]*total/);
    expect(publish).toThrow(expect.objectContaining({ code: 'BUS_INVALID_PAYLOAD' }));
  });

  it('throws BUS_UNKNOWN_TOPIC for a topic not in the catalogue', () => {
    const hub = createMessageHub();
    expect(() => hub.scope('a').subscribe('order.deleted' as 'order.created', () => {})).toThrow(
      expect.objectContaining({ code: 'BUS_UNKNOWN_TOPIC' }),
    );
  });
});

describe('given request and respond', () => {
  it('answers a request from the responding app', async () => {
    const hub = createMessageHub();
    hub.scope('inventory').respond('stock.summary', (_payload, meta) => {
      expect(meta.source).toBe('sales');
      return { productCount: 24, lowStockCount: 3 };
    });

    await expect(hub.scope('sales').request('stock.summary', {})).resolves.toEqual({
      productCount: 24,
      lowStockCount: 3,
    });
  });

  it('rejects at once with BUS_NO_RESPONDER when no app answers', async () => {
    const hub = createMessageHub();
    await expect(hub.scope('sales').request('stock.summary', {})).rejects.toMatchObject({
      code: 'BUS_NO_RESPONDER',
      message: expect.stringContaining("'stock.summary'"),
    });
  });

  it('rejects with BUS_TIMEOUT when the responder is too slow', async () => {
    vi.useFakeTimers();
    const hub = createMessageHub();
    hub.scope('inventory').respond('stock.summary', () => new Promise(() => {}));

    const answer = hub.scope('sales').request('stock.summary', {}, { timeoutMs: 100 });
    vi.advanceTimersByTime(100);

    await expect(answer).rejects.toMatchObject({
      code: 'BUS_TIMEOUT',
      message: expect.stringContaining("'inventory' within 100 ms"),
    });
  });

  it('rejects with BUS_RESPONDER_FAILED when the responder throws', async () => {
    const hub = createMessageHub();
    hub.scope('inventory').respond('stock.summary', () => {
      throw new Error('not loaded yet');
    });

    await expect(hub.scope('sales').request('stock.summary', {})).rejects.toMatchObject({
      code: 'BUS_RESPONDER_FAILED',
      message: expect.stringContaining('not loaded yet'),
    });
  });

  it('checks the response against the catalogue', async () => {
    const hub = createMessageHub();
    hub.scope('inventory').respond('stock.summary', () => ({ productCount: -1, lowStockCount: 0 }));

    await expect(hub.scope('sales').request('stock.summary', {})).rejects.toMatchObject({
      code: 'BUS_INVALID_PAYLOAD',
      message: expect.stringContaining("response of 'stock.summary'"),
    });
  });
});

describe('given an app that unmounts', () => {
  it('removes every subscription and responder it forgot', async () => {
    const hub = createMessageHub();
    const app = hub.scope('inventory');
    const handler = vi.fn();
    app.subscribe('order.created', handler);
    app.respond('stock.summary', () => ({ productCount: 1, lowStockCount: 0 }));

    app.dispose();
    hub.scope('sales').publish('order.created', { orderId: 'o1', total: '1', lineCount: 1 });

    expect(handler).not.toHaveBeenCalled();
    await expect(hub.scope('sales').request('stock.summary', {})).rejects.toMatchObject({
      code: 'BUS_NO_RESPONDER',
    });
  });

  it('gives the topic back to the previous responder', async () => {
    const hub = createMessageHub();
    hub.scope('old').respond('stock.summary', () => ({ productCount: 1, lowStockCount: 0 }));
    const newer = hub.scope('new');
    newer.respond('stock.summary', () => ({ productCount: 2, lowStockCount: 0 }));

    newer.dispose();

    await expect(hub.scope('sales').request('stock.summary', {})).resolves.toMatchObject({
      productCount: 1,
    });
  });

  it('drops its pending requests and their timers', () => {
    vi.useFakeTimers();
    const hub = createMessageHub();
    hub.scope('inventory').respond('stock.summary', () => new Promise(() => {}));
    const sales = hub.scope('sales');
    void sales.request('stock.summary', {}, { timeoutMs: 1000 });
    expect(vi.getTimerCount()).toBe(1);

    sales.dispose();

    expect(vi.getTimerCount()).toBe(0);
  });

  it('ignores calls after unmount with a warning', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const hub = createMessageHub();
    const app = hub.scope('inventory');
    app.dispose();

    const off = app.subscribe('order.created', () => {});

    expect(typeof off).toBe('function');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("'inventory' used bus.subscribe"));
  });
});
