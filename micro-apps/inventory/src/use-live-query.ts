import { describeFailure } from '@mosaic/shared-components';
import type { AsyncState } from '@mosaic/shared-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DependencyList } from 'react';

export interface LiveQuery<T> {
  state: AsyncState<T>;
  /** Loads again from scratch (the error state's retry). */
  retry: () => void;
  /** Loads again behind the data on screen: no skeleton flash when the bus says stock moved. */
  refresh: () => void;
}

/**
 * useAsync with stale-while-revalidate: `refresh()` keeps showing the loaded data until the
 * new answer lands, so live updates from the bus do not blank the screen.
 */
export function useLiveQuery<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: DependencyList,
): LiveQuery<T> {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  const [run, setRun] = useState({ n: 0, silent: false });
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    const controller = new AbortController();
    if (!run.silent) setState({ status: 'loading' });
    loadRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: 'ready', data });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) {
          setState({ status: 'error', failure: describeFailure(error) });
        }
      },
    );
    return () => controller.abort();
    // `deps` say when `load` means something new; `run` when to load again.
  }, [...deps, run]);

  const retry = useCallback(() => setRun((r) => ({ n: r.n + 1, silent: false })), []);
  const refresh = useCallback(() => setRun((r) => ({ n: r.n + 1, silent: true })), []);
  return { state, retry, refresh };
}
