import { useCallback, useMemo, useState } from 'react';
import type { AppEntry } from '../session/session-api.js';
import { evictOldest, keepAlivePolicy, nextKeptApps } from './kept-apps.js';
import type { KeptApp } from './kept-apps.js';

let clock = 0;

interface KeptState {
  active: AppEntry | undefined;
  apps: readonly AppEntry[];
  kept: KeptApp[];
}

export interface UseKeptApps {
  /** The apps to render: the one on screen and the hidden ones kept mounted, in a stable order. */
  kept: AppEntry[];
  /** Call after an app mounted: past the heap budget, the least recently used hidden app goes. */
  checkMemory: () => void;
}

function usedHeap(): number | undefined {
  return (performance as { memory?: { usedJSHeapSize?: number } }).memory?.usedJSHeapSize;
}

/** Keep-alive for the frame: which apps stay mounted as the user moves to `active`. */
export function useKeptApps(active: AppEntry | undefined, apps: readonly AppEntry[]): UseKeptApps {
  const policy = useMemo(keepAlivePolicy, []);
  const [state, setState] = useState<KeptState>(() => ({
    active,
    apps,
    kept: nextKeptApps([], active, apps, policy.maxApps, (clock += 1)),
  }));
  let current = state;
  if (state.active !== active || state.apps !== apps) {
    // Derived from the route and the list: computed during render, so the switch is one commit.
    current = {
      active,
      apps,
      kept: nextKeptApps(state.kept, active, apps, policy.maxApps, (clock += 1)),
    };
    setState(current);
  }
  const checkMemory = useCallback(() => {
    const used = usedHeap();
    if (used === undefined || used <= policy.heapBudgetBytes) return;
    setState((s) => ({ ...s, kept: evictOldest(s.kept, s.active) }));
  }, [policy]);
  const kept = useMemo(() => current.kept.map((k) => k.app), [current.kept]);
  return { kept, checkMemory };
}
