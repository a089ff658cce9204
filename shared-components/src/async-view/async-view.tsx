import type { ReactNode } from 'react';
import { ErrorPanel } from '../error-panel/error-panel.js';
import { ForbiddenState } from '../forbidden-state/forbidden-state.js';
import { Skeleton } from '../skeleton/skeleton.js';
import type { AsyncState } from '../use-async/use-async.js';

export interface AsyncViewProps<T> {
  /** What `useAsync` returned. */
  state: AsyncState<T>;
  /** Loads again; the error state's retry button. */
  onRetry: () => void;
  /** Headline of the error state, e.g. '订单加载失败'. */
  errorTitle: string;
  /**
   * What to show while loading.
   * @default a Skeleton
   */
  loading?: ReactNode;
  /**
   * Headline when the server says this user may not see it.
   * @default ForbiddenState's own ('没有权限')
   */
  forbiddenTitle?: string;
  /** The content once loaded. */
  children: (data: T) => ReactNode;
}

/** One place that turns a request's state into loading, forbidden, error or content. */
export function AsyncView<T>({
  state,
  onRetry,
  errorTitle,
  loading,
  forbiddenTitle,
  children,
}: AsyncViewProps<T>): React.JSX.Element {
  if (state.status === 'loading') return <>{loading ?? <Skeleton />}</>;
  if (state.status === 'ready') return <>{children(state.data)}</>;
  const { failure } = state;
  if (failure.forbidden) {
    return (
      <ForbiddenState
        title={forbiddenTitle}
        description={failure.message}
        requestId={failure.requestId}
      />
    );
  }
  return (
    <ErrorPanel
      title={errorTitle}
      message={failure.message}
      requestId={failure.requestId}
      onRetry={onRetry}
    />
  );
}
