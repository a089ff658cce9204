import { useCallback, useEffect, useState } from 'react';
import type { DependencyList } from 'react';
import { describeFailure } from './describe-failure.js';
import type { RequestFailure } from './describe-failure.js';

export type AsyncState<T> =
  | { status: 'loading' }
  | { status: 'error'; failure: RequestFailure }
  | { status: 'ready'; data: T };

export interface UseAsyncResult<T> {
  state: AsyncState<T>;
  /** Runs the load again (the retry button of an error state). */
  retry: () => void;
}

/**
 * Runs `load` when `deps` change (and on `retry()`), aborting the previous run, and tracks it
 * as loading / error / ready. Errors become a {@link RequestFailure} with code and request id.
 */
export function useAsync<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: DependencyList,
): UseAsyncResult<T> {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    load(controller.signal).then(
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
    // `load` is a fresh closure every render; `deps` say when it means something new.
  }, [...deps, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, retry };
}
