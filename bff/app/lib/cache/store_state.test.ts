import { describe, expect, it, vi } from 'vitest';
import { createStoreState } from './store_state.js';

describe('the shared store state', () => {
  it('tells one down and one up per outage, and drops stale entries once it is back', async () => {
    const told: string[] = [];
    const onBack = vi.fn(async () => undefined);
    const state = createStoreState({ onStateChange: (s) => told.push(s), onBack });
    state.up('connected'); // the first connection is no recovery
    state.down('error');
    state.down('closed');
    state.up('ready');
    state.up('ready');
    expect(told).toEqual(['down', 'up']);
    expect(onBack).toHaveBeenCalledTimes(1);
  });

  it('asks isBack while down and turns up when it says so', async () => {
    const told: string[] = [];
    let whole = false;
    const state = createStoreState({
      onStateChange: (s) => told.push(s),
      onBack: async () => undefined,
      isBack: async () => whole,
      probeIntervalMs: 5,
    });
    state.down('node lost');
    await new Promise((r) => setTimeout(r, 30));
    expect(state.current).toBe('down');
    whole = true;
    await vi.waitFor(() => expect(state.current).toBe('up'), { timeout: 1000 });
    expect(told).toEqual(['down', 'up']);
  });

  it('says nothing once closed on purpose', () => {
    const told: string[] = [];
    const state = createStoreState({
      onStateChange: (s) => told.push(s),
      onBack: async () => undefined,
    });
    state.close();
    state.down('connection closed');
    expect(told).toEqual([]);
  });
});
