/** Where a shared store stands: told to the operator once per change, never per failed command. */
export type StoreStateName = 'starting' | 'up' | 'down';

/** Options of createStoreState. */
export interface StoreStateOptions {
  /** Told once when the store goes away and once when it is back. */
  onStateChange: (state: 'down' | 'up', detail: string) => void;
  /**
   * Run when the store is back after an outage: invalidations made while it was away never
   * reached it, so what it still holds may be stale (the Redis stores drop `<prefix>:*`).
   */
  onBack: () => Promise<void>;
  /**
   * While down, asked every `probeIntervalMs` whether the store is whole again; `true` turns the
   * state up. Without it, only `up()` does (a single Redis says so with its 'ready' event).
   */
  isBack?: () => Promise<boolean>;
  /** How often `isBack` is asked while down, in ms. @default 500 */
  probeIntervalMs?: number;
}

export interface StoreState {
  readonly current: StoreStateName;
  /** Something failed: the first call of an outage tells `down`, later ones are ignored. */
  down(detail: string): void;
  /** The store answers again: tells `up` (and runs `onBack`) only after a `down`. */
  up(detail: string): void;
  /** The store is being closed on purpose: no more transitions, no more probes. */
  close(): void;
}

/**
 * The outage bookkeeping the single-node and cluster Redis stores share: an outage starts at the
 * first sign of it and ends once, with the stale entries dropped.
 */
export function createStoreState(options: StoreStateOptions): StoreState {
  const { onStateChange, onBack, isBack, probeIntervalMs = 500 } = options;
  let current: StoreStateName = 'starting';
  let closing = false;
  let probe: NodeJS.Timeout | undefined;
  let probing = false;

  const stopProbe = (): void => {
    clearInterval(probe);
    probe = undefined;
  };
  const up = (detail: string): void => {
    if (closing) return;
    stopProbe();
    if (current === 'down') {
      onStateChange('up', detail);
      void onBack().catch(() => undefined);
    }
    current = 'up';
  };
  const startProbe = (check: () => Promise<boolean>): void => {
    if (probe) return;
    probe = setInterval(() => {
      if (probing) return;
      probing = true;
      check()
        .then((back) => {
          if (back && current === 'down') up('every node answers again');
        })
        .catch(() => undefined)
        .finally(() => (probing = false));
    }, probeIntervalMs);
    // A probe never keeps the process alive on its own.
    probe.unref();
  };

  return {
    get current() {
      return current;
    },
    down(detail) {
      if (closing) return;
      if (current !== 'down') onStateChange('down', detail);
      current = 'down';
      if (isBack) startProbe(isBack);
    },
    up,
    close() {
      closing = true;
      stopProbe();
    },
  };
}
